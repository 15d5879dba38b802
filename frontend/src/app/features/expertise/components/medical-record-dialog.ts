import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  MEDICAL_RECORD_KIND_LABELS,
  MEDICAL_RECORD_KINDS,
  type MedicalRecordKind,
  type MedicalRecordVersionView,
  type MedicalRecordView,
  type UpdateMedicalRecordRequest,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { apiErrorMessage, apiFieldErrors, httpStatus } from '../../../core/http/api-error';
import { dutchDate, dutchDateTime, fromIsoDate, toIsoDate } from '../../../shared/dutch-dates';
import { MEDICAL_CONFLICT_MESSAGE } from '../expertise-labels';
import { MedicalService } from '../services/medical.service';
import { MedicalMarker } from './medical-marker';

export interface MedicalRecordDialogData {
  readonly trajectoryId: string;
  /** Absent: a new record. Present: the record is loaded fresh, with its earlier versions. */
  readonly recordId?: string;
  /** Records can be added and changed only while the trajectory is open. */
  readonly canEdit: boolean;
}

type Mode = 'loading' | 'view' | 'edit' | 'create' | 'failed';

const HEADINGS: Readonly<Record<Mode, string>> = {
  create: 'Medisch gegeven toevoegen',
  edit: 'Medisch gegeven bewerken',
  loading: 'Medisch gegeven',
  view: 'Medisch gegeven',
  failed: 'Medisch gegeven',
};

const TITLE_MAX = 200;
const BODY_MAX = 20000;
const SOURCE_MAX = 200;

/**
 * One medical record: added, read, changed (naming the version the edit started from, so a
 * concurrent change is refused with 409 instead of lost) and its earlier versions (R-MED-06).
 */
@Component({
  selector: 'wp-medical-record-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MedicalMarker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './medical-record-dialog.html',
  styleUrl: './expertise-dialog.scss',
})
export class MedicalRecordDialog {
  private readonly medical = inject(MedicalService);
  private readonly dialogRef = inject<MatDialogRef<MedicalRecordDialog, MedicalRecordView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly data = inject<MedicalRecordDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = MEDICAL_RECORD_KINDS;
  protected readonly kindLabels = MEDICAL_RECORD_KIND_LABELS;
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;
  protected readonly today = new Date();
  protected readonly titleMax = TITLE_MAX;

  protected readonly mode = signal<Mode>(this.data.recordId ? 'loading' : 'create');
  protected readonly record = signal<MedicalRecordView | null>(null);
  protected readonly versions = signal<readonly MedicalRecordVersionView[] | null>(null);
  protected readonly versionsFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);
  protected readonly heading = computed(() => HEADINGS[this.mode()]);

  protected readonly form = this.fb.group({
    kind: this.fb.control<MedicalRecordKind | null>(null, Validators.required),
    recordedOn: this.fb.control<Date | null>(new Date(), Validators.required),
    title: this.fb.control('', [Validators.required, Validators.maxLength(TITLE_MAX)]),
    body: this.fb.control('', [Validators.required, Validators.maxLength(BODY_MAX)]),
    source: this.fb.control('', Validators.maxLength(SOURCE_MAX)),
  });

  constructor() {
    if (this.data.recordId) this.load(this.data.recordId);
  }

  protected kindLabel(kind: MedicalRecordKind): string {
    return MEDICAL_RECORD_KIND_LABELS[kind];
  }

  protected edit(): void {
    const record = this.record();
    if (!record || !this.data.canEdit) return;
    this.form.setValue({
      kind: record.kind,
      recordedOn: fromIsoDate(record.recordedOn),
      title: record.title,
      body: record.body,
      source: record.source ?? '',
    });
    this.generalErrors.set([]);
    this.mode.set('edit');
  }

  protected cancelEdit(): void {
    this.generalErrors.set([]);
    this.mode.set('view');
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.kind || !value.recordedOn) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    const fields = {
      kind: value.kind,
      recordedOn: toIsoDate(value.recordedOn),
      title: value.title.trim(),
      body: value.body.trim(),
      source: value.source.trim() || null,
    };
    const record = this.record();
    let saved: Observable<MedicalRecordView>;
    if (this.mode() === 'edit' && record) {
      saved = this.medical.updateRecord(record.id, this.changes(record, fields));
    } else {
      const { source, ...rest } = fields;
      saved = this.medical.createRecord(this.data.trajectoryId, { ...rest, ...(source ? { source } : {}) });
    }
    this.saving.set(true);
    saved.subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (error: unknown) => {
        this.saving.set(false);
        if (httpStatus(error) === 409) {
          this.generalErrors.set([MEDICAL_CONFLICT_MESSAGE]);
          return;
        }
        const messages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set(
          messages.length > 0
            ? messages
            : [apiErrorMessage(error, 'Het medisch gegeven is niet opgeslagen. Probeer het opnieuw.')],
        );
      },
    });
  }

  /** Only what changed goes out, with the version the edit started from. */
  private changes(
    record: MedicalRecordView,
    fields: Omit<Required<UpdateMedicalRecordRequest>, 'expectedVersion'>,
  ): UpdateMedicalRecordRequest {
    return {
      expectedVersion: record.version,
      ...(fields.kind !== record.kind ? { kind: fields.kind } : {}),
      ...(fields.recordedOn !== record.recordedOn ? { recordedOn: fields.recordedOn } : {}),
      ...(fields.title !== record.title ? { title: fields.title } : {}),
      ...(fields.body !== record.body ? { body: fields.body } : {}),
      ...(fields.source !== record.source ? { source: fields.source } : {}),
    };
  }

  private load(recordId: string): void {
    this.medical.record(recordId).subscribe({
      next: (record) => {
        this.record.set(record);
        this.mode.set('view');
      },
      error: (error: unknown) => {
        this.generalErrors.set([apiErrorMessage(error, 'Het medisch gegeven kon niet worden geladen.')]);
        this.mode.set('failed');
      },
    });
    this.medical.versions(recordId).subscribe({
      next: (versions) => this.versions.set(versions),
      error: () => this.versionsFailed.set(true),
    });
  }
}
