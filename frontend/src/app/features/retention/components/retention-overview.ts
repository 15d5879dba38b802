import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import {
  RETENTION_STATE_LABELS,
  type RetentionOverview as Overview,
  type RetentionState,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDate } from '../../../shared/dutch-dates';
import { RetentionService } from '../services/retention.service';

type OverviewState = Exclude<RetentionState, 'open'>;
const STATES: readonly OverviewState[] = ['due', 'due_soon', 'on_hold', 'due_later'];

/** R-RET-01..03: dossiers due, due soon, on hold, later; the FG sees references only. */
@Component({
  selector: 'wp-retention-overview',
  imports: [MatButtonToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group aria-label="Bewaarstatus" [value]="state()" (change)="choose($event.value)">
      @for (option of states; track option) {
        <mat-button-toggle [value]="option">
          {{ labels[option] }} ({{ overview()?.counts?.[option] ?? 0 }})
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (error(); as text) {
      <div class="alert alert--error" role="alert">{{ text }}</div>
    }
    @if (overview(); as data) {
      <table class="data">
        <caption>
          {{
            labels[state()]
          }}:
          {{
            data.total
          }}
          dossiers
          @if (state() === 'due_soon') {
            (binnen {{ data.dueSoonDays }} dagen)
          }
        </caption>
        <thead>
          <tr>
            <th scope="col">Dossier</th>
            <th scope="col">Cliënt</th>
            <th scope="col">Trajecten</th>
            <th scope="col">Eerstvolgende datum</th>
            <th scope="col">Cliënt te vernietigen op</th>
          </tr>
        </thead>
        <tbody>
          @for (row of data.items; track row.dossierRef) {
            <tr>
              <td>
                <code>{{ row.dossierRef }}</code>
              </td>
              <td>{{ row.clientName ?? '—' }}</td>
              <td>{{ types(row.trajectoryTypes) }}</td>
              <td>{{ date(row.nextDueOn) }}</td>
              <td>{{ date(row.clientDueOn) }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5">Geen dossiers in deze groep.</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styleUrl: './retention-tables.scss',
})
export class RetentionOverviewPanel {
  private readonly retention = inject(RetentionService);
  protected readonly states = STATES;
  protected readonly labels = RETENTION_STATE_LABELS;
  protected readonly state = signal<OverviewState>('due');
  protected readonly overview = signal<Overview | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly date = dutchDate;

  constructor() {
    this.load();
  }

  protected choose(state: OverviewState): void {
    this.state.set(state);
    this.load();
  }

  protected types(types: readonly TrajectoryType[]): string {
    return types.map((type) => TRAJECTORY_TYPE_RULES[type].label).join(', ');
  }

  private load(): void {
    this.retention.overview(this.state(), 1, 50).subscribe({
      next: (overview) => this.overview.set(overview),
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'Het overzicht kon niet worden geladen.')),
    });
  }
}
