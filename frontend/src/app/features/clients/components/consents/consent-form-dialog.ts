import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
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
  type TrajectoryView,
} from '@werkpad/shared';
import { type Observable, switchMap, tap } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { ConsentsService } from '../../services/consents.service';
import { ClientFileService } from '../../services/file.service';
import { CONSENT_FORM_LABELS, purposeLabel, writtenHint } from './consent-labels';
import { ConsentEvidenceUpload, type EvidenceUpload } from './consent-evidence-upload';

type ConsentWithoutEvidence = Omit<CreateConsentRequest, 'evidenceDocumentId' | 'evidenceReference'>;

export interface ConsentFormDialogData {
  readonly clientId: string;
  /** Whether the user may upload documents (create 'Document'): then the signed form can go along. */
  readonly canUpload?: boolean;
  /** The purpose chosen in advance (e.g. from the Expertisecentrum's "Toestemming vastleggen"). */
  readonly purpose?: ConsentPurpose;
  /** Only these purposes are offered (the ones the user's role may record); all when left out. */
  readonly purposes?: readonly ConsentPurpose[];
  /**
   * Whether the user may read the client's dossier documents. The Expertisecentrum may not; it
   * records the evidence as a reference, and the dialog does not ask the dossier for documents.
   */
  readonly readDocuments?: boolean;
}

type EvidenceKind = 'document' | 'reference' | 'upload';

/**
 * The signed form is filed with the file team's conversation records: it is about the coaching
 * relationship, and that category keeps it away from roles that see only identity or payroll.
 */
const EVIDENCE_CATEGORY = 'coaching_notes';

/** Records one consent with its evidence (R-CONS-01); never a checkbox on another record. */
@Component({
  selector: 'wp-consent-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ConsentEvidenceUpload,
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
  private readonly files = inject(ClientFileService);
  private readonly upload = viewChild(ConsentEvidenceUpload);

  protected readonly purposes = CONSENT_PURPOSES.filter(
    (purpose) => !this.data.purposes || this.data.purposes.includes(purpose),
  ).map((purpose) => CONSENT_PURPOSE_RULES[purpose]);
  protected readonly forms = CONSENT_FORMS;
  protected readonly formLabels = CONSENT_FORM_LABELS;
  protected readonly categories = DATA_CATEGORIES;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly today = new Date();
  protected readonly documents = signal<readonly DossierEntryView[]>([]);
  protected readonly canUpload = this.data.canUpload === true;
  protected readonly readDocuments = this.data.readDocuments !== false;
  protected readonly trajectories = signal<readonly TrajectoryView[]>([]);
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
    if (this.readDocuments) {
      this.files.dossier(this.data.clientId, { kind: 'document' }).subscribe({
        next: (entries) => this.documents.set(entries.filter((entry) => entry.document !== null)),
        error: () => this.documents.set([]),
      });
    }
    if (this.canUpload) {
      this.files.trajectories(this.data.clientId).subscribe({
        next: (trajectories) => this.trajectories.set(trajectories),
        error: () => this.trajectories.set([]),
      });
    }
    this.form.controls.purpose.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((purpose) => this.applyPurpose(purpose));
    if (this.data.purpose) this.form.controls.purpose.setValue(this.data.purpose);
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
    const checked = value.evidenceKind === 'upload' ? this.upload()?.check() : undefined;
    if (checked && !checked.ok) problems.push(...checked.problems);
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
    const request: ConsentWithoutEvidence = {
      purpose: value.purpose,
      givenOn: toIsoDate(value.givenOn),
      form: value.consentForm,
      ...(recipient ? { recipient } : {}),
      ...(categories.length > 0 ? { categories } : {}),
      ...(value.validUntil ? { validUntil: toIsoDate(value.validUntil) } : {}),
    };
    this.saving.set(true);
    const created = checked?.ok
      ? this.uploadThenCreate(request, checked.upload)
      : this.consents.create(
          this.data.clientId,
          value.evidenceKind === 'document' && value.evidenceDocumentId
            ? { ...request, evidenceDocumentId: value.evidenceDocumentId }
            : { ...request, evidenceReference: value.evidenceReference.trim() },
        );
    created.subscribe({
      next: (consent) => this.dialogRef.close(consent),
      error: (error: unknown) => {
        this.saving.set(false);
        const fieldMessages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set([
          ...(this.form.controls.evidenceKind.value === 'document' && value.evidenceKind === 'upload'
            ? ['Het formulier is wel in het dossier opgeslagen en staat hieronder gekozen.']
            : []),
          ...(fieldMessages.length > 0
            ? fieldMessages
            : [apiErrorMessage(error, 'De toestemming is niet vastgelegd. Probeer het opnieuw.')]),
        ]);
      },
    });
  }

  /**
   * Uploads the signed form, then records the consent with it as evidence. Once the upload is in,
   * the form switches to "Document uit het dossier" with it chosen, so a retry does not upload twice.
   */
  private uploadThenCreate(request: ConsentWithoutEvidence, upload: EvidenceUpload): Observable<ConsentView> {
    return this.files
      .upload(this.data.clientId, {
        file: upload.file,
        trajectoryId: upload.trajectoryId,
        category: EVIDENCE_CATEGORY,
        title: `Toestemmingsformulier: ${purposeLabel(request.purpose)}`,
        occurredOn: request.givenOn,
        receivedViaWhatsapp: false,
        whatsappDeletedOn: null,
      })
      .pipe(
        tap((entry) => {
          this.documents.update((documents) => [entry, ...documents]);
          this.form.patchValue({ evidenceKind: 'document', evidenceDocumentId: entry.document?.id ?? null });
        }),
        switchMap((entry) =>
          this.consents.create(this.data.clientId, { ...request, evidenceDocumentId: entry.document?.id }),
        ),
      );
  }
}
