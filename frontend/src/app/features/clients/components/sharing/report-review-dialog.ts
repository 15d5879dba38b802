import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  type DisclosureView,
  type ProgressReportView,
  type RecordReportReviewRequest,
  REPORT_RECIPIENT_LABELS,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { ReportsService } from '../../../reports/services/reports.service';
import { DisclosuresService } from '../../services/consents.service';
import { dutchCalendarDay, dutchDate, recipientLabel } from './sharing-options';

/** A report as sent (a disclosure), or a progress report, draft or sent (issue 8). */
export type ReportReviewDialogData =
  | { readonly clientId: string; readonly disclosure: DisclosureView; readonly report?: undefined }
  | { readonly clientId: string; readonly report: ProgressReportView; readonly disclosure?: undefined };

type Reviewed = DisclosureView | ProgressReportView;

type ReviewedStatus = RecordReportReviewRequest['status'];

/**
 * R-SHARE-06: records that the client saw a written report, before or after it was sent, and on
 * which day. It can be recorded once; the API checks the day against the sending day as well.
 */
@Component({
  selector: 'wp-report-review-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-review-dialog.html',
  styleUrl: '../client-form.scss',
})
export class ReportReviewDialog {
  private readonly disclosures = inject(DisclosuresService);
  private readonly reports = inject(ReportsService);
  private readonly dialogRef = inject<MatDialogRef<ReportReviewDialog, Reviewed>>(MatDialogRef);
  protected readonly data = inject<ReportReviewDialogData>(MAT_DIALOG_DATA);

  /** The sending day, or null for a draft: then the client can only have seen it before sending. */
  protected readonly sentOn = this.data.disclosure
    ? dutchCalendarDay(this.data.disclosure.disclosedAt)
    : this.data.report.sentAt
      ? dutchCalendarDay(this.data.report.sentAt)
      : null;
  protected readonly sentOnText = this.sentOn ? dutchDate(this.sentOn) : null;
  protected readonly recipient = this.data.disclosure
    ? `${this.data.disclosure.recipient.organisation} (${recipientLabel(this.data.disclosure.recipient.type)})`
    : `${this.data.report.recipientOrganisation} (${REPORT_RECIPIENT_LABELS[this.data.report.recipientType]})`;
  protected readonly today = new Date();
  protected readonly form = new FormGroup({
    status: new FormControl<ReviewedStatus | null>(null, Validators.required),
    shownOn: new FormControl<Date | null>(new Date(), Validators.required),
  });
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);

  protected save(): void {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    this.errors.set([]);
    const { status, shownOn } = this.form.getRawValue();
    const dateProblem = this.dateProblem(status, shownOn);
    if (!status || !shownOn || dateProblem) {
      this.errors.set([
        ...(status ? [] : ['Kies of de cliënt het rapport vóór of na verzending zag.']),
        ...(dateProblem ? [dateProblem] : []),
      ]);
      return;
    }
    this.saving.set(true);
    const review: RecordReportReviewRequest = { status, shownOn: toIsoDate(shownOn) };
    this.record(review).subscribe({
      next: (view) => this.dialogRef.close(view),
      error: (error: unknown) => {
        this.saving.set(false);
        // 400 names the date rule per field; 409 says it was already recorded: both are meant for users.
        const fieldMessages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.errors.set(
          fieldMessages.length > 0
            ? fieldMessages
            : [apiErrorMessage(error, 'Het is niet vastgelegd. Probeer het opnieuw.')],
        );
      },
    });
  }

  private record(review: RecordReportReviewRequest): Observable<Reviewed> {
    const { clientId, disclosure, report } = this.data;
    return disclosure
      ? this.disclosures.recordReview(clientId, disclosure.id, review)
      : this.reports.recordReview(clientId, report.id, review);
  }

  /** The same checks as the API, in words, so the common mistakes never need a round trip. */
  private dateProblem(status: ReviewedStatus | null, shownOn: Date | null): string | null {
    const errors = this.form.controls.shownOn.errors ?? {};
    if (errors['matDatepickerParse']) return 'Vul een bestaande datum in als dd-mm-jjjj.';
    if (!shownOn) return 'Vul de datum in waarop de cliënt het rapport zag.';
    const day = toIsoDate(shownOn);
    if (day > toIsoDate(this.today)) return 'De datum mag niet in de toekomst liggen.';
    if (!this.sentOn) {
      return status === 'shown_after_sending' ? 'Deze rapportage is nog niet verzonden.' : null;
    }
    if (status === 'shown_before_sending' && day > this.sentOn) {
      return `Vóór verzending: de datum moet op of vóór ${this.sentOnText} liggen.`;
    }
    if (status === 'shown_after_sending' && day < this.sentOn) {
      return `Na verzending: de datum moet op of na ${this.sentOnText} liggen.`;
    }
    return null;
  }
}
