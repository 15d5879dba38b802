import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'wp-forbidden-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Geen toegang</h1>
    <p>
      U heeft geen toegang tot deze pagina. Denkt u dat u deze toegang wel nodig heeft voor uw werk? Neem dan
      contact op met functioneel beheer.
    </p>
    <p><a routerLink="/">Terug naar de beginpagina</a></p>
  `,
})
export class ForbiddenPage {}
