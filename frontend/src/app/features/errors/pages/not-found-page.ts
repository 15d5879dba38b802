import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'wp-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Pagina niet gevonden</h1>
    <p>De pagina die u zoekt bestaat niet of is verplaatst. Controleer het adres.</p>
    <p><a routerLink="/">Terug naar de beginpagina</a></p>
  `,
})
export class NotFoundPage {}
