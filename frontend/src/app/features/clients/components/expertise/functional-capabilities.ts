import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  FUNCTIONAL_CAPABILITY_SOURCE_LABELS,
  type FunctionalCapabilitySource,
  type FunctionalCapabilityView,
} from '@werkpad/shared';
import { dutchDate, dutchDateTime } from '../../../../shared/dutch-dates';
import { ExpertiseResultsService } from '../../services/expertise-results.service';
import {
  FunctionalCapabilityDialog,
  type FunctionalCapabilityDialogData,
} from './functional-capability-dialog';

let nextId = 0;

/**
 * R-MED-05: the client's functional capabilities, newest first. Used in the client file (coach) and
 * in the Expertisecentrum's workspace; the assessments are a history, never edited afterwards.
 */
@Component({
  selector: 'wp-functional-capabilities',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="section-header">
      @if (headingLevel() === 2) {
        <h2 [id]="headingId">Functionele mogelijkheden</h2>
      } @else {
        <h3 [id]="headingId">Functionele mogelijkheden</h3>
      }
      @if (canAdd()) {
        <button mat-flat-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">add</mat-icon>
          Mogelijkheden vastleggen
        </button>
      }
    </div>
    <p class="meta">
      Wat de cliënt wel en niet kan in relatie tot werk. Geen diagnoses of namen van aandoeningen (R-MED-05).
    </p>
    @if (failed()) {
      <div class="alert alert--error" role="alert">
        De functionele mogelijkheden konden niet worden geladen. Probeer het opnieuw.
      </div>
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Functionele mogelijkheden worden geladen" />
    } @else if (!failed() && items().length === 0) {
      <p class="empty">Er zijn nog geen functionele mogelijkheden vastgelegd.</p>
    } @else {
      <ul class="entries" [attr.aria-labelledby]="headingId">
        @for (item of items(); track item.id; let first = $first) {
          <li class="entry">
            <h4 class="entry-title">
              Beoordeeld op {{ date(item.assessedOn) }}
              @if (first) {
                <span class="latest">(meest recent)</span>
              }
            </h4>
            <p class="meta">
              Bron: {{ sourceLabel(item.source) }} · geldig tot {{ date(item.validUntil) }} · vastgelegd door
              {{ item.recordedByName }} op {{ dateTime(item.recordedAt) }}
            </p>
            <dl class="facts">
              <dt>Kan wel</dt>
              <dd>{{ item.canDo }}</dd>
              <dt>Kan niet</dt>
              <dd>{{ item.cannotDo }}</dd>
              <dt>Uren per week</dt>
              <dd>{{ item.hoursPerWeek ?? '—' }}</dd>
              <dt>Aanpassingen</dt>
              <dd>{{ item.adjustments ?? '—' }}</dd>
            </dl>
          </li>
        }
      </ul>
    }
  `,
  styleUrls: ['../client-tabs.scss', './expertise-results.scss'],
})
export class FunctionalCapabilities {
  private readonly results = inject(ExpertiseResultsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** Whether the user may add an assessment (the client's coach; the assigned expertise user). */
  readonly canAdd = input(false);
  /** The source the add dialog preselects. */
  readonly source = input<FunctionalCapabilitySource>('trajectbegeleider');
  /** The arbeidsdiagnose an assessment made in the Expertisecentrum belongs to. */
  readonly trajectoryId = input<string | null>(null);
  /** 2 where this is a tab of its own, 3 under the client file's "Trajecten". */
  readonly headingLevel = input<2 | 3>(3);

  protected readonly headingId = `functionele-mogelijkheden-${nextId++}`;
  protected readonly items = signal<readonly FunctionalCapabilityView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected sourceLabel(source: FunctionalCapabilitySource): string {
    return FUNCTIONAL_CAPABILITY_SOURCE_LABELS[source];
  }

  protected add(): void {
    this.dialog
      .open<FunctionalCapabilityDialog, FunctionalCapabilityDialogData, FunctionalCapabilityView>(
        FunctionalCapabilityDialog,
        {
          data: { clientId: this.clientId(), source: this.source(), trajectoryId: this.trajectoryId() },
          width: '720px',
        },
      )
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open('Functionele mogelijkheden vastgelegd', 'Sluiten', { duration: 5000 });
        this.load(this.clientId());
      });
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.results.capabilities(clientId).subscribe({
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
