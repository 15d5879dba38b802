import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'wp-error-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Er is iets misgegaan</h1>
    <p>
      Er ging iets mis bij het ophalen of opslaan van gegevens. Probeer het over een paar minuten opnieuw.
    </p>
    @if (referentie(); as reference) {
      <p>
        Neemt u contact op met de servicedesk? Noem dan deze referentie:
        <strong class="reference">{{ reference }}</strong>
      </p>
    }
    <p><a routerLink="/">Terug naar de beginpagina</a></p>
  `,
  styles: `
    .reference {
      font-family: monospace;
    }
  `,
})
export class ErrorPage {
  /** The request id of the failed call (query parameter), so support can find the server's log line. */
  readonly referentie = input<string>();
}
