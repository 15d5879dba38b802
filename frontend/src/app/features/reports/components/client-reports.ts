import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  type DataCategory,
  type ProgressReportView,
  REPORT_RECIPIENT_LABELS,
  REPORT_STATUS_LABELS,
} from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDate, dutchDateTime } from '../../../shared/dutch-dates';
import {
  ReportReviewDialog,
  type ReportReviewDialogData,
} from '../../clients/components/sharing/report-review-dialog';
import { REVIEW_STATUS_LABELS } from '../../clients/components/sharing/sharing-options';
import { ClientFileService } from '../../clients/services/file.service';
import { ReportsService } from '../services/reports.service';
import { ReportFormDialog, type ReportFormDialogData } from './report-form-dialog';
import { ReportPreviewDialog, type ReportPreviewDialogData } from './report-preview-dialog';
import { ReportSendDialog, type ReportSendDialogData } from './report-send-dialog';

/** The "Rapportage" tab: progress reports of this client, from draft to sent (issue 8). */
@Component({
  selector: 'wp-client-reports',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-reports.html',
  styleUrls: ['../../clients/components/client-tabs.scss'],
})
export class ClientReports {
  private readonly reports = inject(ReportsService);
  private readonly files = inject(ClientFileService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** What the user may read of this client; a new report never holds more. */
  readonly categories = input<readonly DataCategory[]>([]);
  readonly canCreate = input(false);
  readonly canUpdate = input(false);

  protected readonly items = signal<readonly ProgressReportView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly columns = ['reference', 'recipient', 'period', 'status', 'review', 'actions'];

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected recipient(report: ProgressReportView): string {
    return REPORT_RECIPIENT_LABELS[report.recipientType];
  }

  protected period(report: ProgressReportView): string {
    return `${dutchDate(report.periodStart)} – ${dutchDate(report.periodEnd)}`;
  }

  protected status(report: ProgressReportView): string {
    const status = REPORT_STATUS_LABELS[report.status];
    return report.sentAt ? `${status} op ${dutchDateTime(report.sentAt)}` : status;
  }

  protected review(report: ProgressReportView): string {
    const status = REVIEW_STATUS_LABELS[report.reviewStatus];
    return report.shownToClientOn ? `${status} (${dutchDate(report.shownToClientOn)})` : status;
  }

  protected create(): void {
    this.files.trajectories(this.clientId()).subscribe({
      next: (trajectories) =>
        this.dialog
          .open<ReportFormDialog, ReportFormDialogData, ProgressReportView>(ReportFormDialog, {
            data: { clientId: this.clientId(), trajectories, readable: this.categories() },
            width: '760px',
          })
          .afterClosed()
          .subscribe((report) => {
            if (!report) return;
            this.snackBar.open(`Concept ${report.reference} gemaakt`, 'Sluiten', { duration: 5000 });
            this.load(this.clientId());
          }),
      error: (error: unknown) =>
        this.snackBar.open(apiErrorMessage(error, 'De trajecten konden niet worden geladen.'), 'Sluiten'),
    });
  }

  protected preview(report: ProgressReportView): void {
    this.reports.pdf(this.clientId(), report.id).subscribe({
      next: (file) =>
        this.dialog.open<ReportPreviewDialog, ReportPreviewDialogData>(ReportPreviewDialog, {
          data: { report, file },
          width: '960px',
          maxWidth: '96vw',
        }),
      error: (error: unknown) =>
        this.snackBar.open(apiErrorMessage(error, 'De PDF kon niet worden gemaakt.'), 'Sluiten'),
    });
  }

  protected recordReview(report: ProgressReportView): void {
    this.dialog
      .open<ReportReviewDialog, ReportReviewDialogData, ProgressReportView>(ReportReviewDialog, {
        data: { clientId: this.clientId(), report },
        width: '520px',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.replace(updated);
        this.snackBar.open('Vastgelegd dat de cliënt de rapportage zag', 'Sluiten', { duration: 5000 });
      });
  }

  protected send(report: ProgressReportView): void {
    this.dialog
      .open<ReportSendDialog, ReportSendDialogData, ProgressReportView>(ReportSendDialog, {
        data: { clientId: this.clientId(), report },
        width: '560px',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.replace(updated);
        this.snackBar.open(`${updated.reference} verzonden en in het dossier gearchiveerd`, 'Sluiten', {
          duration: 5000,
        });
      });
  }

  private replace(updated: ProgressReportView): void {
    this.items.update((items) => items.map((each) => (each.id === updated.id ? updated : each)));
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.reports.list(clientId).subscribe({
      next: (items) => {
        this.items.set(items);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
