import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DATA_CATEGORY_LABELS,
  type DataCategory,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  type DossierEntryView,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { toIsoDate } from '../../../shared/dutch-dates';
import { entryCategoryOptions } from '../services/client-file-access';
import { ClientFileService } from '../services/file.service';

export interface DocumentUploadDialogData {
  readonly clientId: string;
  readonly trajectories: readonly TrajectoryView[];
  readonly writable: readonly DataCategory[];
}

export const ACCEPTED_TYPES = Object.values(DOCUMENT_MEDIA_TYPES).join(', ');

/** Checks a chosen file before it is sent; the server checks the same (and the content) again. */
export function fileProblem(file: File | null): string | null {
  if (!file) return 'Kies een bestand.';
  if (file.size === 0) return 'Het bestand is leeg.';
  if (file.size > DOCUMENT_MAX_BYTES) {
    return `Het bestand is te groot: maximaal ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MB.`;
  }
  if (!(file.type in DOCUMENT_MEDIA_TYPES))
    return `Dit soort bestand wordt niet aangenomen. Toegestaan: ${ACCEPTED_TYPES}.`;
  return null;
}

/** Uploads a document to the dossier; R-CONS-04 asks where it came from if it came via WhatsApp. */
@Component({
  selector: 'wp-document-upload-dialog',
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
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './document-upload-dialog.html',
  styleUrl: './client-form.scss',
})
export class DocumentUploadDialog {
  private readonly files = inject(ClientFileService);
  private readonly dialogRef = inject<MatDialogRef<DocumentUploadDialog, DossierEntryView>>(MatDialogRef);
  protected readonly data = inject<DocumentUploadDialogData>(MAT_DIALOG_DATA);

  protected readonly trajectories = this.data.trajectories.filter((t) => t.status === 'open');
  protected readonly categories = entryCategoryOptions('document', this.data.writable);
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly typeRules = TRAJECTORY_TYPE_RULES;
  protected readonly accept = Object.keys(DOCUMENT_MEDIA_TYPES).join(',');
  protected readonly acceptedTypes = ACCEPTED_TYPES;
  protected readonly today = new Date();

  protected readonly form = new FormGroup({
    trajectoryId: new FormControl<string | null>(this.trajectories[0]?.id ?? null, Validators.required),
    category: new FormControl<DataCategory | null>(null, Validators.required),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    occurredOn: new FormControl<Date | null>(new Date(), Validators.required),
    receivedViaWhatsapp: new FormControl(false, { nonNullable: true }),
    whatsappDeletedOn: new FormControl<Date | null>(null),
  });
  protected readonly viaWhatsapp = toSignal(this.form.controls.receivedViaWhatsapp.valueChanges, {
    initialValue: false,
  });
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.item(0) ?? null;
    this.file.set(file);
    this.fileError.set(file ? fileProblem(file) : null);
    if (file && !this.form.controls.title.value) {
      this.form.controls.title.setValue(file.name.replace(/\.[^.]+$/, ''));
    }
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const problem = fileProblem(this.file());
    this.fileError.set(problem);
    const value = this.form.getRawValue();
    const file = this.file();
    if (
      this.form.invalid ||
      problem ||
      !file ||
      !value.trajectoryId ||
      !value.category ||
      !value.occurredOn
    ) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    this.saving.set(true);
    this.files
      .upload(this.data.clientId, {
        file,
        trajectoryId: value.trajectoryId,
        category: value.category,
        title: value.title.trim(),
        occurredOn: toIsoDate(value.occurredOn),
        receivedViaWhatsapp: value.receivedViaWhatsapp,
        whatsappDeletedOn:
          value.receivedViaWhatsapp && value.whatsappDeletedOn ? toIsoDate(value.whatsappDeletedOn) : null,
      })
      .subscribe({
        next: (entry) => this.dialogRef.close(entry),
        error: (error: unknown) => {
          this.saving.set(false);
          // The server says why it refused (type, size, content that does not match its type...).
          const messages = apiFieldErrors(error).flatMap((field) => field.messages);
          this.generalErrors.set([
            apiErrorMessage(error, 'Het document is niet opgeslagen. Probeer het opnieuw.'),
            ...messages,
          ]);
        },
      });
  }
}
