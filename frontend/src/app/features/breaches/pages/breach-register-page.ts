import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { DATA_CATEGORY_LABELS, type DataBreachView, type DataCategory } from '@werkpad/shared';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { apStatusText, isOverdue, subjectsStatusText } from '../breach-labels';
import { BreachFollowUpDialog, type BreachFollowUpDialogData } from '../components/breach-follow-up-dialog';
import { BreachFormDialog } from '../components/breach-form-dialog';
import { BreachesService } from '../services/breaches.service';

/** The countdown needs no more than minutes; a slower tick keeps the page quiet. */
const TICK_MS = 60_000;

/**
 * The FG's breach register (R-AUD-05, AVG art. 33): every breach with its 72-hour deadline to report
 * to the Autoriteit Persoonsgegevens, the report or the reason not to, and whether the people
 * concerned were informed. The countdown is plain text in the table (no live region): a screen reader
 * reads it when it reaches the row, and is not interrupted every minute.
 */
@Component({
  selector: 'wp-breach-register-page',
  imports: [MatButtonModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './breach-register-page.html',
  styleUrl: './breach-register-page.scss',
})
export class BreachRegisterPage {
  private readonly breaches = inject(BreachesService);
  private readonly dialog = inject(MatDialog);

  protected readonly now = signal(new Date());
  protected readonly list = new PagedList<DataBreachView>((request) =>
    this.breaches.list(request.page, request.pageSize),
  );
  protected readonly columns = [
    'discoveredAt',
    'description',
    'categories',
    'peopleAffected',
    'ap',
    'subjects',
    'actions',
  ];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly saved = signal<string | null>(null);
  protected readonly label = {
    dateTime: dutchDateTime,
    ap: apStatusText,
    subjects: subjectsStatusText,
    overdue: isOverdue,
    categories: (categories: readonly DataCategory[]) =>
      categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', '),
  };

  constructor() {
    this.list.reload();
    const timer = setInterval(() => this.now.set(new Date()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected register(): void {
    this.saved.set(null);
    this.dialog
      .open<BreachFormDialog, undefined, DataBreachView>(BreachFormDialog, {
        width: '720px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((breach) => {
        if (!breach) return;
        this.saved.set('Het datalek is geregistreerd.');
        this.now.set(new Date());
        this.list.restart();
      });
  }

  protected followUp(breach: DataBreachView): void {
    this.saved.set(null);
    this.dialog
      .open<BreachFollowUpDialog, BreachFollowUpDialogData, DataBreachView>(BreachFollowUpDialog, {
        data: { breach },
        width: '720px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.saved.set('De opvolging van het datalek is opgeslagen.');
        this.now.set(new Date());
        this.list.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      });
  }
}
