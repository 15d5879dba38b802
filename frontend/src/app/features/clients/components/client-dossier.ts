import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  type DataCategory,
  DATA_CATEGORY_LABELS,
  DOSSIER_ENTRY_KIND_LABELS,
  type DossierEntryKind,
  type DossierEntryView,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryView,
} from '@werkpad/shared';
import { forkJoin } from 'rxjs';
import { readableKinds } from '../services/client-file-access';
import { ClientFileService } from '../services/file.service';
import { DossierEntryDialog, type DossierEntryDialogData } from './dossier-entry-dialog';
import { NEW_ENTRY_KINDS } from './dossier-entry-form';

/** The dossier's entries (documents have their own tab), newest first, filterable. */
@Component({
  selector: 'wp-client-dossier',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-dossier.html',
  styleUrl: './client-tabs.scss',
})
export class ClientDossier {
  private readonly files = inject(ClientFileService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  readonly categories = input<readonly string[] | undefined>([]);
  readonly writable = input<readonly DataCategory[]>([]);

  protected readonly entries = signal<readonly DossierEntryView[]>([]);
  protected readonly trajectories = signal<readonly TrajectoryView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly trajectoryFilter = signal<string | null>(null);
  protected readonly kindFilter = signal<DossierEntryKind | null>(null);
  protected readonly kinds = computed(() => readableKinds(NEW_ENTRY_KINDS, this.categories()));
  protected readonly canAdd = computed(() => this.writable().length > 0);
  protected readonly kindLabels = DOSSIER_ENTRY_KIND_LABELS;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly typeRules = TRAJECTORY_TYPE_RULES;
  protected readonly shown = computed(() => this.entries().filter((entry) => entry.kind !== 'document'));

  constructor() {
    effect(() => this.load(this.clientId(), this.trajectoryFilter(), this.kindFilter()));
  }

  protected trajectoryLabel(id: string): string {
    const trajectory = this.trajectories().find((t) => t.id === id);
    return trajectory ? TRAJECTORY_TYPE_RULES[trajectory.type].label : 'Onbekend traject';
  }

  protected add(): void {
    const data: DossierEntryDialogData = {
      clientId: this.clientId(),
      trajectories: this.trajectories(),
      writable: this.writable(),
    };
    this.dialog
      .open<DossierEntryDialog, DossierEntryDialogData, DossierEntryView>(DossierEntryDialog, {
        data,
        width: '760px',
      })
      .afterClosed()
      .subscribe((entry) => {
        if (!entry) return;
        this.snackBar.open('Notitie opgeslagen', 'Sluiten', { duration: 5000 });
        this.load(this.clientId(), this.trajectoryFilter(), this.kindFilter());
      });
  }

  private load(clientId: string, trajectoryId: string | null, kind: DossierEntryKind | null): void {
    this.loading.set(true);
    this.failed.set(false);
    forkJoin({
      entries: this.files.dossier(clientId, { trajectoryId, kind }),
      trajectories: this.files.trajectories(clientId),
    }).subscribe({
      next: ({ entries, trajectories }) => {
        this.entries.set(entries);
        this.trajectories.set(trajectories);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
