import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  type CreateTrajectoryRequest,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  REPORTING_FORM_LABELS,
  REPORTING_FORMS,
  type ReportingForm,
  TRAJECTORY_TYPE_RULES,
  TRAJECTORY_TYPES,
  type TrajectoryType,
  type TrajectoryView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { toIsoDate } from '../../../shared/dutch-dates';
import { ClientFileService } from '../services/file.service';
import { ClientsService, type StaffMember } from '../services/clients.service';

export interface TrajectoryFormDialogData {
  readonly clientId: string;
}

/** What a reporting agreement may name: any file category except those never shared this way. */
export const REPORTABLE_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'work_history',
  'education',
  'availability_transport',
  'language_inburgering',
  'health_functional',
  'progress',
  'benefit_impact',
];

function atLeastOne(control: AbstractControl): ValidationErrors | null {
  const value = control.value as Record<string, boolean>;
  return Object.values(value).some(Boolean) ? null : { required: true };
}

/** Starts a trajectory; R-SHARE-07: the reporting agreement is recorded at the start. */
@Component({
  selector: 'wp-trajectory-form-dialog',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trajectory-form-dialog.html',
  styleUrl: './client-form.scss',
})
export class TrajectoryFormDialog {
  private readonly files = inject(ClientFileService);
  private readonly dialogRef = inject<MatDialogRef<TrajectoryFormDialog, TrajectoryView>>(MatDialogRef);
  private readonly data = inject<TrajectoryFormDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly types = TRAJECTORY_TYPES.map((type) => TRAJECTORY_TYPE_RULES[type]);
  protected readonly reportingForms = REPORTING_FORMS;
  protected readonly reportingFormLabels = REPORTING_FORM_LABELS;
  protected readonly reportable = REPORTABLE_CATEGORIES;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly consultants = signal<readonly StaffMember[]>([]);
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);

  protected readonly form = this.fb.group({
    type: this.fb.control<TrajectoryType | null>(null, Validators.required),
    startDate: this.fb.control<Date | null>(new Date(), Validators.required),
    incomeConsultantId: this.fb.control<string | null>(null),
    recipient: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    categories: this.fb.group(
      Object.fromEntries(REPORTABLE_CATEGORIES.map((category) => [category, this.fb.control(false)])),
      { validators: atLeastOne },
    ),
    form: this.fb.control<ReportingForm | null>(null, Validators.required),
    purpose: this.fb.control('', [Validators.required, Validators.maxLength(500)]),
    frequency: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
  });

  constructor() {
    inject(ClientsService)
      .staff('income_consultant')
      .subscribe({ next: (staff) => this.consultants.set(staff), error: () => this.consultants.set([]) });
  }

  protected legalBasis(): string | null {
    const type = this.form.controls.type.value;
    return type ? TRAJECTORY_TYPE_RULES[type].legalBasis : null;
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.type || !value.startDate || !value.form) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    const request: CreateTrajectoryRequest = {
      type: value.type,
      startDate: toIsoDate(value.startDate),
      incomeConsultantId: value.incomeConsultantId,
      reportingAgreement: {
        recipient: value.recipient.trim(),
        categories: REPORTABLE_CATEGORIES.filter((category) => value.categories[category]),
        form: value.form,
        purpose: value.purpose.trim(),
        frequency: value.frequency.trim(),
      },
    };
    this.saving.set(true);
    this.files.createTrajectory(this.data.clientId, request).subscribe({
      next: (trajectory) => this.dialogRef.close(trajectory),
      error: (error: unknown) => {
        this.saving.set(false);
        const fieldMessages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set(
          fieldMessages.length > 0
            ? fieldMessages
            : [apiErrorMessage(error, 'Het traject is niet opgeslagen. Probeer het opnieuw.')],
        );
      },
    });
  }
}
