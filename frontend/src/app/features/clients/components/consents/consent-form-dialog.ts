import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  CONSENT_FORMS,
  CONSENT_PURPOSE_RULES,
  CONSENT_PURPOSES,
  type ConsentForm,
  type ConsentPurpose,
  type ConsentView,
  type CreateConsentRequest,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  type DossierEntryView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { ConsentsService } from '../../services/consents.service';
import { ClientFileService } from '../../services/file.service';
import { CONSENT_FORM_LABELS, writtenHint } from './consent-labels';

export interface ConsentFormDialogData {
  readonly clientId: string;
}

type EvidenceKind = 'document' | 'reference';

/** Records one consent with its evidence (R-CONS-01); never a checkbox on another record. */
@Component({
  selector: 'wp-consent-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consent-form-dialog.html',
  styleUrl: '../client-form.scss',
})
export class ConsentFormDialog {
  private readonly consents = inject(ConsentsService);
  private readonly dialogRef = inject<MatDialogRef<ConsentFormDialog, ConsentView>>(MatDialogRef);
  private readonly data = inject<ConsentFormDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly purposes = CONSENT_PURPOSES.map((purpose) => CONSENT_PURPOSE_RULES[purpose]);
  protected readonly forms = CONSENT_FORMS;
  protected readonly formLabels = CONSENT_FORM_LABELS;
  protected readonly categories = DATA_CATEGORIES;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly today = new Date();
  protected readonly documents = signal<readonly DossierEntryView[]>([]);
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);
  protected readonly recipientRequired = signal(false);
  protected readonly writtenRequired = signal(false);

  protected readonly form = this.fb.group({
    purpose: this.fb.control<ConsentPurpose | null>(null, Validators.required),
    recipient: this.fb.control('', Validators.maxLength(200)),
    categories: this.fb.group(
      Object.fromEntries(DATA_CATEGORIES.map((category) => [category, this.fb.control(false)])),
    ),
    givenOn: this.fb.control<Date | null>(new Date(), Validators.required),
    consentForm: this.fb.control<ConsentForm | null>(null, Validators.required),
    evidenceKind: this.fb.control<EvidenceKind>('reference'),
    evidenceDocumentId: this.fb.control<string | null>(null),
    evidenceReference: this.fb.control('', Validators.maxLength(500)),
    validUntil: this.fb.control<Date | null>(null),
  });

  constructor() {
    inject(ClientFileService)
      .dossier(this.data.clientId, { kind: 'document' })
      .subscribe({
        next: (entries) => this.documents.set(entries.filter((entry) => entry.document !== null)),
        error: () => this.documents.set([]),
      });
    this.form.controls.purpose.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((purpose) => this.applyPurpose(purpose));
  }

  protected hint(): string | null {
    return writtenHint(this.form.controls.purpose.value);
  }

  /** The purpose's rule data decides whether a recipient is asked and whether oral consent is possible. */
  private applyPurpose(purpose: ConsentPurpose | null): void {
    const rule = purpose ? CONSENT_PURPOSE_RULES[purpose] : null;
    this.recipientRequired.set(rule?.recipientRequired ?? false);
    this.writtenRequired.set(rule?.writtenRequired ?? false);
    const recipient = this.form.controls.recipient;
    recipient.setValidators(
      rule?.recipientRequired ? [Validators.required, Validators.maxLength(200)] : Validators.maxLength(200),
    );
    recipient.updateValueAndValidity();
    if (rule?.writtenRequired) this.form.controls.consentForm.setValue('written');
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const value = this.form.getRawValue();
    const problems: string[] = [];
    if (value.evidenceKind === 'document' && !value.evidenceDocumentId) {
      problems.push('Kies het document met de ondertekende toestemming.');
    }
    if (value.evidenceKind === 'reference' && value.evidenceReference.trim() === '') {
      problems.push('Vul in waar het bewijs van de toestemming te vinden is.');
    }
    if (this.writtenRequired() && value.consentForm !== 'written') {
      problems.push('Voor dit doel is schriftelijke toestemming verplicht.');
    }
    if (this.form.invalid || !value.purpose || !value.givenOn || !value.consentForm || problems.length > 0) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.', ...problems]);
      return;
    }
    const categories = DATA_CATEGORIES.filter((category) => value.categories[category]);
    const recipient = value.recipient.trim();
    const request: CreateConsentRequest = {
      purpose: value.purpose,
      givenOn: toIsoDate(value.givenOn),
      form: value.consentForm,
      ...(recipient ? { recipient } : {}),
      ...(categories.length > 0 ? { categories } : {}),
      ...(value.evidenceKind === 'document' && value.evidenceDocumentId
        ? { evidenceDocumentId: value.evidenceDocumentId }
        : { evidenceReference: value.evidenceReference.trim() }),
      ...(value.validUntil ? { validUntil: toIsoDate(value.validUntil) } : {}),
    };
    this.saving.set(true);
    this.consents.create(this.data.clientId, request).subscribe({
      next: (consent) => this.dialogRef.close(consent),
      error: (error: unknown) => {
        this.saving.set(false);
        const fieldMessages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set(
          fieldMessages.length > 0
            ? fieldMessages
            : [apiErrorMessage(error, 'De toestemming is niet vastgelegd. Probeer het opnieuw.')],
        );
      },
    });
  }
}
