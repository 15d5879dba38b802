import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { isValidBsn } from '@werkpad/shared';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';
import { FgService } from '../services/fg.service';

/** Spaces and dots people type in a BSN (123 456 782) are not part of it. */
function normalizeBsn(value: string): string {
  return value.replace(/[\s.]/g, '');
}

function bsnValidator(control: AbstractControl<string>): ValidationErrors | null {
  const bsn = normalizeBsn(control.value);
  return bsn === '' || isValidBsn(bsn) ? null : { bsn: true };
}

/**
 * The FG finds a client id by exact BSN (a blind index; no list of clients is ever shown), to answer a
 * data subject's access request. The BSN goes in the request body only, never in the URL or the log.
 */
@Component({
  selector: 'wp-client-lookup-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Toegangsoverzicht van een cliënt</h1>
    <p>
      Vul het burgerservicenummer van de cliënt in. U ziet daarna wie de gegevens van deze cliënt heeft
      gebruikt, oudste eerst (NEN 7513). Werkpad toont alleen het cliënt-id, geen naam of dossierinhoud.
    </p>
    <form class="lookup" (submit)="$event.preventDefault(); lookup()" novalidate>
      <mat-form-field>
        <mat-label>BSN</mat-label>
        <input matInput [formControl]="bsn" inputmode="numeric" autocomplete="off" maxlength="11" />
        <mat-hint>9 cijfers</mat-hint>
        @if (bsn.hasError('required')) {
          <mat-error>Vul een BSN in.</mat-error>
        } @else if (bsn.hasError('bsn')) {
          <mat-error>Dit is geen geldig BSN (9 cijfers die de 11-proef doorstaan).</mat-error>
        }
      </mat-form-field>
      <!-- Not disabled while searching: disabling the focused button would drop keyboard focus. -->
      <button mat-flat-button type="submit">Opzoeken</button>
    </form>
    <div role="status">
      @if (notFound()) {
        <div class="alert alert--info">Geen cliënt met dit BSN.</div>
      }
    </div>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert">{{ message }}</div>
    }
    <p><a routerLink="/fg/toegangslog">Terug naar de toegangslog</a></p>
  `,
  styleUrl: './fg-page.scss',
})
export class ClientLookupPage {
  private readonly fg = inject(FgService);
  private readonly router = inject(Router);

  protected readonly bsn = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, bsnValidator],
  });
  protected readonly searching = signal(false);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);

  protected lookup(): void {
    this.notFound.set(false);
    this.error.set(null);
    if (this.bsn.invalid) {
      this.bsn.markAsTouched();
      return;
    }
    if (this.searching()) return;
    this.searching.set(true);
    this.fg.lookupClient(normalizeBsn(this.bsn.value)).subscribe({
      next: ({ clientId }) => {
        this.searching.set(false);
        void this.router.navigate(['/fg/toegangslog/clienten', clientId]);
      },
      error: (error: unknown) => {
        this.searching.set(false);
        if (httpStatus(error) === 404) this.notFound.set(true);
        else this.error.set(apiErrorMessage(error, 'Het opzoeken is mislukt. Probeer het opnieuw.'));
      },
    });
  }
}
