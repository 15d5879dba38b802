import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type CreateProgressReportRequest,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  type ProgressReportView,
  REPORT_RECIPIENT_LABELS,
  REPORT_RECIPIENT_TYPES,
  reportCategories,
  type ReportRecipientType,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { dutchDate, toIsoDate } from '../../../shared/dutch-dates';
import { ReportsService } from '../services/reports.service';

export interface ReportFormDialogData {
  readonly clientId: string;
  readonly trajectories: readonly TrajectoryView[];
  /** What the author may read of this client: the report never holds more (R-REP-01). */
  readonly readable: readonly DataCategory[];
}

/** The default period: the last six months up to today. */
function sixMonthsAgo(): Date {
  const date = new Date();
  date.setMonth(date.getMonth() - 6);
  return date;
}

/**
 * A new progress report (issue 8): recipient, trajectories, period, and per trajectory the next
 * steps. What each trajectory will report follows from the sharing rules and is shown before saving;
 * the API decides again and stores the content as a draft.
 */
@Component({
  selector: 'wp-report-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-form-dialog.html',
  styleUrl: '../../clients/components/client-form.scss',
})
export class ReportFormDialog {
  private readonly reports = inject(ReportsService);
  private readonly dialogRef = inject<MatDialogRef<ReportFormDialog, ProgressReportView>>(MatDialogRef);
  protected readonly data = inject<ReportFormDialogData>(MAT_DIALOG_DATA);

  protected readonly recipients = REPORT_RECIPIENT_TYPES.map((type) => ({
    type,
    label: REPORT_RECIPIENT_LABELS[type],
  }));
  protected readonly form = new FormGroup({
    recipientType: new FormControl<ReportRecipientType>('income_consultant', {
      nonNullable: true,
      validators: Validators.required,
    }),
    recipientOrganisation: new FormControl('', { nonNullable: true, validators: Validators.maxLength(200) }),
    periodStart: new FormControl<Date | null>(sixMonthsAgo(), Validators.required),
    periodEnd: new FormControl<Date | null>(new Date(), Validators.required),
    trajectories: new FormArray(
      this.data.trajectories.map(
        (trajectory) =>
          new FormGroup({
            selected: new FormControl(trajectory.status === 'open', { nonNullable: true }),
            nextSteps: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
          }),
      ),
    ),
  });
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);
  private readonly recipient = toSignal(this.form.controls.recipientType.valueChanges, {
    initialValue: this.form.controls.recipientType.value,
  });

  /** Per trajectory, in words, what goes to the chosen recipient. */
  protected readonly contents = computed(() => {
    const readable = new Set(this.data.readable);
    return this.data.trajectories.map((trajectory) => {
      const categories = reportCategories(this.recipient(), trajectory.type, readable).categories.filter(
        (category) => category !== 'identity',
      );
      return categories.length === 0
        ? 'Niets: hierover mag aan deze ontvanger niet worden gerapporteerd.'
        : categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', ');
    });
  });

  protected label(trajectory: TrajectoryView): string {
    const since = `sinds ${dutchDate(trajectory.startDate)}`;
    const until = trajectory.closedOn ? `, afgesloten ${dutchDate(trajectory.closedOn)}` : '';
    return `${TRAJECTORY_TYPE_RULES[trajectory.type].label} (${since}${until})`;
  }

  protected save(): void {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const chosen = this.data.trajectories
      .map((trajectory, index) => ({ trajectory, ...value.trajectories[index] }))
      .filter((item) => item.selected);
    const problems = [
      ...(chosen.length === 0 ? ['Kies minstens één traject.'] : []),
      ...(!value.periodStart || !value.periodEnd ? ['Vul de periode in als dd-mm-jjjj.'] : []),
      ...(value.periodStart && value.periodEnd && value.periodEnd < value.periodStart
        ? ['Het einde van de periode mag niet vóór het begin liggen.']
        : []),
    ];
    this.errors.set(problems);
    if (problems.length > 0 || this.form.invalid || !value.periodStart || !value.periodEnd) return;
    const request: CreateProgressReportRequest = {
      recipientType: value.recipientType,
      ...(value.recipientOrganisation.trim()
        ? { recipientOrganisation: value.recipientOrganisation.trim() }
        : {}),
      periodStart: toIsoDate(value.periodStart),
      periodEnd: toIsoDate(value.periodEnd),
      trajectoryIds: chosen.map((item) => item.trajectory.id),
      nextSteps: chosen
        .filter((item) => item.nextSteps.trim())
        .map((item) => ({ trajectoryId: item.trajectory.id, text: item.nextSteps.trim() })),
    };
    this.saving.set(true);
    this.reports.create(this.data.clientId, request).subscribe({
      next: (report) => this.dialogRef.close(report),
      error: (error: unknown) => {
        this.saving.set(false);
        const fields = apiFieldErrors(error).flatMap((field) => field.messages);
        this.errors.set(
          fields.length > 0 ? fields : [apiErrorMessage(error, 'De rapportage is niet gemaakt.')],
        );
      },
    });
  }
}
