import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { DisclosureResult, DisclosureView, Role } from '@werkpad/shared';
import { categoryList } from '../consents/consent-labels';
import { DisclosuresService } from '../../services/consents.service';
import { PackageDialog, type PackageDialogData } from './package-dialog';
import { ReportReviewDialog, type ReportReviewDialogData } from './report-review-dialog';
import { SharingDialog, type SharingDialogData, type TrajectorySource } from './sharing-dialog';
import { recipientLabel, REVIEW_STATUS_LABELS, shortDigest } from './sharing-options';

/** The register of what was shared about this client, and the way to share (R-SHARE-01, -02, -06). */
@Component({
  selector: 'wp-client-disclosures',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-disclosures.html',
  styleUrls: ['../client-tabs.scss', './sharing.scss'],
})
export class ClientDisclosures {
  private readonly disclosures = inject(DisclosuresService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** Whether the user may share (create 'Disclosure'). */
  readonly canShare = input(false);
  /** Whether the user may record that the client saw a report (update 'Disclosure', R-SHARE-06). */
  readonly canRecordReview = input(false);
  /** The user's roles, which decide the recipient types offered (SharingRule.disclosedBy). */
  readonly roles = input<readonly Role[]>([]);
  /** Where the dialog takes its trajectories from (payroll cannot read the client's trajectories). */
  readonly trajectorySource = input<TrajectorySource>('trajectories');

  protected readonly items = signal<readonly DisclosureView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly columns = [
    'recipient',
    'categories',
    'ground',
    'disclosedAt',
    'disclosedBy',
    'digest',
    'review',
    'actions',
  ];

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected recipient(item: DisclosureView): string {
    return recipientLabel(item.recipient.type);
  }

  protected categories(item: DisclosureView): string {
    return categoryList(item.categories);
  }

  protected ground(item: DisclosureView): string {
    return item.legalBasis ?? (item.consentId ? 'Toestemming van de cliënt' : item.ruleId);
  }

  protected digest(item: DisclosureView): string {
    return shortDigest(item.digest);
  }

  protected review(item: DisclosureView): string {
    if (!item.isReport || !item.reviewStatus) return 'Geen rapportage';
    const status = REVIEW_STATUS_LABELS[item.reviewStatus];
    if (!item.shownToClientOn) return status;
    const [year, month, day] = item.shownToClientOn.split('-');
    return `${status} (${day}-${month}-${year})`;
  }

  /** Only a written report the client has not yet seen can be marked; the API records it once. */
  protected awaitsReview(item: DisclosureView): boolean {
    return this.canRecordReview() && item.isReport && item.reviewStatus === 'not_shown';
  }

  protected recordReview(item: DisclosureView): void {
    this.dialog
      .open<ReportReviewDialog, ReportReviewDialogData, DisclosureView>(ReportReviewDialog, {
        data: { clientId: this.clientId(), disclosure: item },
        width: '520px',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.items.update((items) => items.map((each) => (each.id === updated.id ? updated : each)));
        this.snackBar.open('Vastgelegd dat de cliënt het rapport zag', 'Sluiten', { duration: 5000 });
      });
  }

  protected showPackage(item: DisclosureView): void {
    this.dialog.open<PackageDialog, PackageDialogData>(PackageDialog, {
      data: { clientId: this.clientId(), disclosure: item },
      width: '720px',
    });
  }

  protected share(): void {
    this.dialog
      .open<SharingDialog, SharingDialogData, DisclosureResult>(SharingDialog, {
        data: {
          clientId: this.clientId(),
          roles: this.roles(),
          trajectorySource: this.trajectorySource(),
        },
        width: '860px',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.snackBar.open('Verstrekking vastgelegd', 'Sluiten', { duration: 5000 });
        this.load(this.clientId());
      });
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.disclosures.list(clientId).subscribe({
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
