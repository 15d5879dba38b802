import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CARE_PROVIDER_KIND_LABELS,
  CARE_PROVIDER_KINDS,
  type CareProviderKind,
  type CareProviderRequestView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors, httpStatus } from '../../../core/http/api-error';
import { toIsoDate } from '../../../shared/dutch-dates';
import { MedicalService } from '../services/medical.service';
import { MedicalMarker } from './medical-marker';
import { recordConsent } from './record-consent';

export interface CareProviderRequestDialogData {
  readonly trajectoryId: string;
  readonly clientId: string;
  /** Called when consent was recorded from this dialog, so the workspace shows it as valid. */
  readonly consentRecorded?: () => void;
}

const MISSING_CONSENT_FALLBACK =
  'Er is geen geldige schriftelijke toestemming van de cliënt voor: gegevens opvragen bij huisarts of andere zorgverlener.';

/**
 * R-MED-04: registers a data request to a GP or other care provider. The API refuses it (403) without
 * the client's valid written consent and names what is missing; the consent can be recorded from here.
 */
@Component({
  selector: 'wp-care-provider-request-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MedicalMarker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Aanvraag registreren</h2>
    <form class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <wp-medical-marker />
        <p class="intro">
          Gegevens opvragen bij een huisarts of andere zorgverlener mag alleen met schriftelijke toestemming
          van de cliënt (R-MED-04).
        </p>
        @if (missingConsent(); as message) {
          <div class="alert alert--error" role="alert" data-testid="missing-consent">
            <div>
              <div>{{ message }}</div>
              <button mat-stroked-button type="button" class="consent-button" (click)="recordConsent()">
                Toestemming vastleggen
              </button>
            </div>
          </div>
        }
        @if (consentSaved()) {
          <div class="alert alert--success" role="status">
            Toestemming vastgelegd. Registreer de aanvraag nu opnieuw.
          </div>
        }
        @if (generalErrors().length > 0) {
          <div class="alert alert--error" role="alert">
            @for (message of generalErrors(); track $index) {
              <div>{{ message }}</div>
            }
          </div>
        }
        <div class="grid">
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Soort zorgverlener</mat-label>
            <mat-select formControlName="providerKind">
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
              }
            </mat-select>
            <mat-error>Kies de soort zorgverlener.</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Zorgverlener</mat-label>
            <input matInput formControlName="provider" autocomplete="off" />
            <mat-hint>Naam en plaats, bijvoorbeeld: huisartsenpraktijk De Brink, Ede</mat-hint>
            <mat-error>Vul de zorgverlener in (maximaal 200 tekens).</mat-error>
          </mat-form-field>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Vraag</mat-label>
            <textarea matInput formControlName="question" rows="4"></textarea>
            <mat-hint>Welke gegevens worden gevraagd, en waarvoor</mat-hint>
            <mat-error>Vul de vraag in.</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Aangevraagd op</mat-label>
            <input
              matInput
              [matDatepicker]="picker"
              formControlName="requestedOn"
              [max]="today"
              autocomplete="off"
            />
            <mat-hint>dd-mm-jjjj</mat-hint>
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-datepicker #picker />
            <mat-error>
              {{
                form.controls.requestedOn.hasError('matDatepickerMax')
                  ? 'De datum mag niet in de toekomst liggen.'
                  : 'Vul een bestaande datum in als dd-mm-jjjj.'
              }}
            </mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Registreren</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './expertise-dialog.scss',
  styles: `
    .consent-button {
      margin-top: 8px;
    }
  `,
})
export class CareProviderRequestDialog {
  private readonly medical = inject(MedicalService);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef =
    inject<MatDialogRef<CareProviderRequestDialog, CareProviderRequestView>>(MatDialogRef);
  private readonly data = inject<CareProviderRequestDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly kinds = CARE_PROVIDER_KINDS;
  protected readonly kindLabels = CARE_PROVIDER_KIND_LABELS;
  protected readonly today = new Date();
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);
  /** The API's 403 message, which names the missing consent. */
  protected readonly missingConsent = signal<string | null>(null);
  protected readonly consentSaved = signal(false);

  protected readonly form = this.fb.group({
    providerKind: this.fb.control<CareProviderKind | null>('huisarts', Validators.required),
    provider: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    question: this.fb.control('', [Validators.required, Validators.maxLength(4000)]),
    requestedOn: this.fb.control<Date | null>(new Date(), Validators.required),
  });

  protected recordConsent(): void {
    recordConsent(this.dialog, this.data.clientId, 'gp_data_request').subscribe((consent) => {
      if (!consent) return;
      this.missingConsent.set(null);
      this.consentSaved.set(true);
      this.data.consentRecorded?.();
    });
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.providerKind || !value.requestedOn) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    this.saving.set(true);
    this.missingConsent.set(null);
    this.consentSaved.set(false);
    this.medical
      .createCareProviderRequest(this.data.trajectoryId, {
        providerKind: value.providerKind,
        provider: value.provider.trim(),
        question: value.question.trim(),
        requestedOn: toIsoDate(value.requestedOn),
      })
      .subscribe({
        next: (created) => this.dialogRef.close(created),
        error: (error: unknown) => {
          this.saving.set(false);
          if (httpStatus(error) === 403) {
            this.missingConsent.set(apiErrorMessage(error, MISSING_CONSENT_FALLBACK));
            return;
          }
          const messages = apiFieldErrors(error).flatMap((field) => field.messages);
          this.generalErrors.set(
            messages.length > 0
              ? messages
              : [apiErrorMessage(error, 'De aanvraag is niet geregistreerd. Probeer het opnieuw.')],
          );
        },
      });
  }
}
