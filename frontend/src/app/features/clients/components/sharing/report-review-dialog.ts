import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { DisclosureView, RecordReportReviewRequest } from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { DisclosuresService } from '../../services/consents.service';
import { dutchCalendarDay, dutchDate, recipientLabel } from './sharing-options';

export interface ReportReviewDialogData {
  readonly clientId: string;
  readonly disclosure: DisclosureView;
}

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
  private readonly dialogRef = inject<MatDialogRef<ReportReviewDialog, DisclosureView>>(MatDialogRef);
  protected readonly data = inject<ReportReviewDialogData>(MAT_DIALOG_DATA);

  protected readonly sentOn = dutchCalendarDay(this.data.disclosure.disclosedAt);
  protected readonly sentOnText = dutchDate(this.sentOn);
  protected readonly recipient = `${this.data.disclosure.recipient.organisation} (${recipientLabel(
    this.data.disclosure.recipient.type,
  )})`;
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
    this.disclosures.recordReview(this.data.clientId, this.data.disclosure.id, review).subscribe({
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

  /** The same checks as the API, in words, so the common mistakes never need a round trip. */
  private dateProblem(status: ReviewedStatus | null, shownOn: Date | null): string | null {
    const errors = this.form.controls.shownOn.errors ?? {};
    if (errors['matDatepickerParse']) return 'Vul een bestaande datum in als dd-mm-jjjj.';
    if (!shownOn) return 'Vul de datum in waarop de cliënt het rapport zag.';
    const day = toIsoDate(shownOn);
    if (day > toIsoDate(this.today)) return 'De datum mag niet in de toekomst liggen.';
    if (status === 'shown_before_sending' && day > this.sentOn) {
      return `Vóór verzending: de datum moet op of vóór ${this.sentOnText} liggen.`;
    }
    if (status === 'shown_after_sending' && day < this.sentOn) {
      return `Na verzending: de datum moet op of na ${this.sentOnText} liggen.`;
    }
    return null;
  }
}
