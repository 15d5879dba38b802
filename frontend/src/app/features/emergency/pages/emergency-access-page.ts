import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  EMERGENCY_ACCESS_MINUTES,
  EMERGENCY_REASON_LABELS,
  EMERGENCY_REASONS,
  type EmergencyReason,
} from '@werkpad/shared';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';
import {
  bsnValidator,
  EXPLANATION_MAX_LENGTH,
  EXPLANATION_MIN_LENGTH,
  explanationValidator,
  normalizeBsn,
} from '../emergency-form';
import { EmergencyAccessService } from '../services/emergency-access.service';

/**
 * Break-the-glass: a coach or income consultant opens one client outside their own scope, in a
 * real emergency. The client is found by exact BSN, so no list of other clients is ever shown; the
 * access lasts an hour, never includes medical data, and the FG reviews every use.
 */
@Component({
  selector: 'wp-emergency-access-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './emergency-access-page.html',
  styleUrl: './emergency-access-page.scss',
})
export class EmergencyAccessPage {
  private readonly emergency = inject(EmergencyAccessService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly minutes = EMERGENCY_ACCESS_MINUTES;
  protected readonly minLength = EXPLANATION_MIN_LENGTH;
  protected readonly maxLength = EXPLANATION_MAX_LENGTH;
  protected readonly reasons = EMERGENCY_REASONS.map((value) => ({
    value,
    label: EMERGENCY_REASON_LABELS[value],
  }));
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = this.fb.group({
    bsn: this.fb.control('', [Validators.required, bsnValidator]),
    reason: this.fb.control<EmergencyReason | null>(null, Validators.required),
    explanation: this.fb.control('', [
      Validators.required,
      explanationValidator,
      Validators.maxLength(EXPLANATION_MAX_LENGTH),
    ]),
    confirmed: this.fb.control(false, Validators.requiredTrue),
  });

  private readonly explanation = toSignal(this.form.controls.explanation.valueChanges, { initialValue: '' });

  /** Counts trimmed characters, as the validator and the database do. */
  protected explanationLength(): number {
    return this.explanation().trim().length;
  }

  protected bsnError(): string {
    return this.form.controls.bsn.hasError('bsn')
      ? 'Dit is geen geldig BSN (negen cijfers die voldoen aan de elfproef).'
      : 'Vul het BSN van de cliënt in.';
  }

  protected explanationError(): string {
    const control = this.form.controls.explanation;
    if (control.hasError('maxlength')) return `Gebruik hoogstens ${EXPLANATION_MAX_LENGTH} tekens.`;
    return `Licht de noodzaak toe in minstens ${EXPLANATION_MIN_LENGTH} tekens.`;
  }

  protected submit(): void {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.reason) {
      this.form.markAllAsTouched();
      this.error.set('Controleer de gemarkeerde velden.');
      return;
    }
    this.error.set(null);
    this.saving.set(true);
    this.emergency
      .request({ bsn: normalizeBsn(value.bsn), reason: value.reason, explanation: value.explanation.trim() })
      .subscribe({
        next: (grant) => void this.router.navigate(['/clienten', grant.clientId]),
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(this.failureMessage(error));
        },
      });
  }

  private failureMessage(error: unknown): string {
    const status = httpStatus(error);
    if (status === 404) return 'Er is geen cliënt met dit BSN. Controleer het nummer.';
    if (status === 409) {
      return apiErrorMessage(
        error,
        'U hebt al toegang tot deze cliënt. Open het dossier via Mijn cliënten; noodtoegang is niet nodig.',
      );
    }
    return apiErrorMessage(error, 'De noodtoegang is niet geopend. Probeer het opnieuw.');
  }
}
