import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ExpertiseTrajectorySummary, OutcomeStatus } from '@werkpad/shared';
import { dutchDate } from '../../../shared/dutch-dates';
import { outcomeStatusLabel, RETENTION_EXPLANATION, trajectoryStatusLabel } from '../expertise-labels';
import { type ExpertiseStatusFilter, ExpertiseService } from '../services/expertise.service';

/** "Mijn onderzoeken": the signed-in expertise user's own arbeidsdiagnoses, open or closed. */
@Component({
  selector: 'wp-research-list-page',
  imports: [RouterLink, MatFormFieldModule, MatProgressBarModule, MatSelectModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './research-list-page.html',
  styleUrl: './expertise-pages.scss',
})
export class ResearchListPage {
  private readonly expertise = inject(ExpertiseService);

  protected readonly status = signal<ExpertiseStatusFilter>('open');
  protected readonly items = signal<readonly ExpertiseTrajectorySummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);
  protected readonly columns = [
    'client',
    'coach',
    'startDate',
    'status',
    'outcome',
    'dossierDestructionDate',
    'medicalDestructionDate',
  ];
  protected readonly retention = RETENTION_EXPLANATION;
  protected readonly date = dutchDate;
  protected readonly statusLabel = trajectoryStatusLabel;

  constructor() {
    effect(() => this.load(this.status()));
  }

  protected outcomeLabel(status: OutcomeStatus | null): string {
    return outcomeStatusLabel(status);
  }

  private load(status: ExpertiseStatusFilter): void {
    this.loading.set(true);
    this.failed.set(false);
    this.expertise.trajectories(status).subscribe({
      next: (items) => {
        this.items.set(items);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
