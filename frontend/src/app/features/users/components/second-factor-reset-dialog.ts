import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH, type UserSummary } from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { UsersService } from '../services/users.service';

export interface SecondFactorResetDialogData {
  readonly user: UserSummary;
}

/**
 * A lost second factor: functioneel beheer records why and gives a temporary password, which the
 * user gets in person or over another channel; at the next login they set up a new factor.
 */
@Component({
  selector: 'wp-second-factor-reset-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Tweede stap opnieuw instellen</h2>
    <form class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <div class="alert alert--error" role="alert">{{ message }}</div>
        }
        <p>
          {{ user.displayName }} ({{ user.username }}) kan daarna pas weer inloggen met het tijdelijke
          wachtwoord hieronder en stelt dan een nieuwe tweede stap in. Lopende sessies worden beëindigd.
        </p>
        <p>
          Geef het tijdelijke wachtwoord alleen aan de gebruiker zelf, persoonlijk of via een ander kanaal dan
          waarlangs het verzoek binnenkwam. De gebruiker ziet bij het instellen wie de tweede stap opnieuw
          liet instellen en wanneer.
        </p>
        @let reason = form.controls.reason;
        <mat-form-field class="field">
          <mat-label>Reden</mat-label>
          <textarea matInput rows="3" formControlName="reason" required></textarea>
          <mat-hint>Bijvoorbeeld: telefoon verloren, gemeld op … Minstens 10 tekens.</mat-hint>
          @if (reason.hasError('server')) {
            <mat-error>{{ reason.getError('server') }}</mat-error>
          } @else {
            <mat-error>Geef een reden van minstens 10 tekens.</mat-error>
          }
        </mat-form-field>
        @let password = form.controls.temporaryPassword;
        <mat-form-field class="field">
          <mat-label>Tijdelijk wachtwoord</mat-label>
          <input
            matInput
            type="password"
            formControlName="temporaryPassword"
            autocomplete="new-password"
            required
          />
          <mat-hint>Minimaal {{ passwordMinLength }} tekens.</mat-hint>
          @if (password.hasError('server')) {
            <mat-error>{{ password.getError('server') }}</mat-error>
          } @else {
            <mat-error>Het wachtwoord moet minimaal {{ passwordMinLength }} tekens lang zijn.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Opnieuw instellen</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      display: block;
      width: 100%;
      min-width: min(480px, 80vw);
      margin-bottom: 8px;
    }
  `,
})
export class SecondFactorResetDialog {
  private readonly users = inject(UsersService);
  private readonly ref = inject<MatDialogRef<SecondFactorResetDialog, UserSummary>>(MatDialogRef);
  protected readonly user = inject<SecondFactorResetDialogData>(MAT_DIALOG_DATA).user;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(500)]],
    temporaryPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.saving()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('Controleer de gemarkeerde velden.');
      return;
    }
    this.saving.set(true);
    const { reason, temporaryPassword } = this.form.getRawValue();
    this.users.resetSecondFactor(this.user.id, { reason: reason.trim(), temporaryPassword }).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        for (const fieldError of apiFieldErrors(error)) {
          const control = this.form.get(fieldError.field);
          control?.setErrors({ server: fieldError.messages[0] });
          control?.markAsTouched();
        }
        this.error.set(apiErrorMessage(error, 'De tweede stap kon niet opnieuw worden ingesteld.'));
      },
    });
  }
}
