import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Finding, FindingKind } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { toIsoDate } from '../../../shared/dutch-dates';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { PeriodFields } from '../../../shared/period-fields';
import { ReviewFindingDialog, type ReviewFindingDialogData } from '../components/review-finding-dialog';
import { dutchDateTime, findingKindLabel, findingKindOptions, isFindingKind, shortId } from '../fg-labels';
import { FgService, type FindingFilter, saveFile } from '../services/fg.service';

/**
 * Unusual access found in the log (issue 6, item 3): outside caseload or assignment, denied
 * attempts, many clients in a day, outside office hours, emergency access. The FG reviews each one
 * with a note; the list opens on what still needs review.
 */
@Component({
  selector: 'wp-findings-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    PeriodFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './findings-page.html',
  styleUrl: './fg-page.scss',
})
export class FindingsPage {
  private readonly fg = inject(FgService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly filters = new FormGroup({
    kind: new FormControl<FindingKind | null>(null),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly reviewed = signal(false);
  private readonly applied = signal<FindingFilter>({ reviewed: false });

  protected readonly list = new PagedList<Finding>((request) =>
    this.fg.findings({ ...this.applied(), page: request.page, pageSize: request.pageSize }),
  );
  protected readonly columns = ['kind', 'occurredAt', 'user', 'description', 'clients', 'status'];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly kinds = findingKindOptions();
  protected readonly label = { kind: findingKindLabel, dateTime: dutchDateTime, shortId };
  /** Said in the live region after a review, so a screen-reader user hears that it worked. */
  protected readonly message = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  constructor() {
    // The kind lives in the URL (?kind=…), so the dashboard's cards and the back button land on it.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const kind = params.get('kind');
      this.filters.controls.kind.setValue(isFindingKind(kind) ? kind : null);
      this.apply();
    });
  }

  protected chooseKind(kind: FindingKind | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { kind },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected showReviewed(reviewed: boolean): void {
    this.reviewed.set(reviewed);
    this.apply();
  }

  /** True when a filter other than the review status narrows the list. */
  protected filtered(): boolean {
    return Object.keys(this.applied()).some((key) => key !== 'reviewed');
  }

  /** Runs on a completed change (selection, toggle, date picked or typed and left). */
  protected apply(): void {
    // An unreadable date or a period that ends before it starts shows its error; the list stays.
    if (this.filters.invalid) return;
    const { kind, from, to } = this.filters.getRawValue();
    this.message.set(null);
    this.applied.set({
      ...(kind ? { kind } : {}),
      reviewed: this.reviewed(),
      ...(from ? { from: toIsoDate(from) } : {}),
      ...(to ? { to: toIsoDate(to) } : {}),
    });
    this.list.restart();
  }

  /** The findings under the filters in use (kind, status, period) as a CSV file. */
  protected export(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    this.fg.exportFindings(this.applied()).subscribe({
      next: (file) => {
        saveFile(file);
        this.exporting.set(false);
      },
      error: (error: unknown) => {
        this.exportError.set(apiErrorMessage(error, 'De export is mislukt. Probeer het opnieuw.'));
        this.exporting.set(false);
      },
    });
  }

  protected review(finding: Finding): void {
    const data: ReviewFindingDialogData = { finding };
    this.dialog
      .open<ReviewFindingDialog, ReviewFindingDialogData, Finding>(ReviewFindingDialog, {
        data,
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((reviewed) => {
        if (!reviewed) return;
        this.message.set(`De bevinding is beoordeeld: ${findingKindLabel(reviewed.kind)}.`);
        // The reviewed finding leaves the "te beoordelen" list; a reload shows the list as it is now.
        this.list.reload();
      });
  }
}
