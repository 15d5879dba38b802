import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DESTRUCTION_ITEM_STATUS_LABELS,
  DESTRUCTION_LIST_STATUS_LABELS,
  type DestructionItemView,
  type DestructionListView,
  RETENTION_PART_LABELS,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';
import { filter, interval, switchMap, takeWhile } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { dutchDate, dutchDateTime } from '../../../shared/dutch-dates';
import { RetentionService, saveFile } from '../services/retention.service';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from './reason-dialog';

type ListAction = 'review' | 'approve' | 'execute' | 'cancel';

const CONFIRMATIONS: Readonly<Record<ListAction, ConfirmDialogData>> = {
  review: {
    title: 'Lijst beoordeeld',
    message:
      'U verklaart dat u de lijst hebt beoordeeld. Daarna kan de FG hem goedkeuren; uitzonderen kan dan niet meer.',
    confirmLabel: 'Beoordeling vastleggen',
  },
  approve: {
    title: 'Vernietiging goedkeuren',
    message: 'Na goedkeuring kan de lijst worden uitgevoerd. Vernietiging is onomkeerbaar.',
    confirmLabel: 'Goedkeuren',
  },
  execute: {
    title: 'Vernietiging uitvoeren',
    message:
      'De dossiers op de lijst worden nu onomkeerbaar vernietigd (behalve uitgezonderde en geblokkeerde).',
    confirmLabel: 'Nu vernietigen',
  },
  cancel: {
    title: 'Lijst laten vervallen',
    message: 'De lijst vervalt; er wordt niets vernietigd. Een nieuwe lijst kan daarna worden opgesteld.',
    confirmLabel: 'Laten vervallen',
  },
};

/** R-RET-04: the destruction lists, the review by the records manager and the FG's approval. */
@Component({
  selector: 'wp-destruction-lists',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './destruction-lists.html',
  styleUrl: './retention-tables.scss',
})
export class DestructionLists {
  private readonly retention = inject(RetentionService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly ability = inject(AuthService).ability;

  protected readonly lists = signal<readonly DestructionListView[]>([]);
  protected readonly selected = signal<DestructionListView | null>(null);
  protected readonly items = signal<readonly DestructionItemView[]>([]);
  protected readonly itemTotal = signal(0);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly listLabels = DESTRUCTION_LIST_STATUS_LABELS;
  protected readonly itemLabels = DESTRUCTION_ITEM_STATUS_LABELS;
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;

  protected readonly canPrepare = () => this.ability().can('create', 'DestructionList');
  protected readonly canManage = () => this.ability().can('update', 'DestructionList');
  protected readonly canApprove = () => this.ability().can('approve', 'DestructionList');

  constructor() {
    this.load();
  }

  private load(selectId?: string): void {
    this.retention.lists().subscribe({
      next: (page) => {
        this.lists.set(page.items);
        const id = selectId ?? this.selected()?.id ?? page.items[0]?.id;
        const list = page.items.find((candidate) => candidate.id === id);
        if (list) this.open(list);
      },
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'De lijsten konden niet worden geladen.')),
    });
  }

  protected open(list: DestructionListView): void {
    this.selected.set(list);
    this.retention.items(list.id, 1, 100).subscribe((page) => {
      this.items.set(page.items);
      this.itemTotal.set(page.total);
    });
    if (list.status === 'running') this.follow(list.id);
  }

  protected parts(item: DestructionItemView): string {
    return item.parts
      .map(
        (part) =>
          `${TRAJECTORY_TYPE_RULES[part.trajectoryType].label} (${RETENTION_PART_LABELS[part.part].toLowerCase()}, ` +
          `gesloten ${dutchDate(part.closedOn)}, termijn ${part.years} jaar)`,
      )
      .join('; ');
  }

  protected prepare(): void {
    this.error.set(null);
    this.retention.prepare().subscribe({
      next: (list) => {
        this.message.set(`Lijst ${list.reference} is opgesteld.`);
        this.load(list.id);
      },
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'De lijst kon niet worden opgesteld.')),
    });
  }

  protected act(action: ListAction): void {
    const list = this.selected();
    if (!list) return;
    this.dialog
      .open(ConfirmDialog, { data: CONFIRMATIONS[action] })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => {
        this.error.set(null);
        this.retention.act(list.id, action).subscribe({
          next: (updated) => {
            this.message.set(
              `Lijst ${updated.reference}: ${DESTRUCTION_LIST_STATUS_LABELS[updated.status]}.`,
            );
            this.load(updated.id);
          },
          error: (error: unknown) => this.error.set(apiErrorMessage(error, 'Dat is niet gelukt.')),
        });
      });
  }

  protected exclude(item: DestructionItemView): void {
    const list = this.selected();
    if (!list) return;
    const data: ReasonDialogData = {
      title: 'Dossier uitzonderen',
      intro: `Dossier ${item.dossierRef} blijft bewaard en komt op de verklaring als uitgezonderd.`,
      hint: 'Minstens 10 tekens; noem geen namen (de reden komt op de verklaring).',
      confirmLabel: 'Uitzonderen',
    };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, { data })
      .afterClosed()
      .pipe(filter((result): result is ReasonDialogResult => result !== undefined))
      .subscribe(({ reason }) =>
        this.retention.exclude(list.id, item.id, reason).subscribe({
          next: () => {
            this.message.set(`Dossier ${item.dossierRef} is uitgezonderd.`);
            this.load(list.id);
          },
          error: (error: unknown) => this.error.set(apiErrorMessage(error, 'Uitzonderen is niet gelukt.')),
        }),
      );
  }

  /** While a list runs, its progress every second, until it has finished. */
  private follow(listId: string): void {
    interval(1000)
      .pipe(
        switchMap(() => this.retention.list(listId)),
        takeWhile((list) => list.status === 'running', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((list) => {
        this.selected.set(list);
        if (list.status !== 'running') this.load(list.id);
      });
  }

  protected percentage(list: DestructionListView): number {
    return list.progress.total === 0 ? 100 : Math.round((list.progress.done / list.progress.total) * 100);
  }

  protected download(format: 'pdf' | 'json'): void {
    const list = this.selected();
    if (!list) return;
    this.retention.certificate(list.id, format).subscribe({
      next: saveFile,
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'De verklaring kon niet worden opgehaald.')),
    });
  }
}
