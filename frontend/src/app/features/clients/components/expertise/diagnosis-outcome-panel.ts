import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DiagnosisOutcomeView } from '@werkpad/shared';
import { httpStatus } from '../../../../core/http/api-error';
import { dutchDate, dutchDateTime } from '../../../../shared/dutch-dates';
import { ExpertiseResultsService } from '../../services/expertise-results.service';

let nextId = 0;

type PanelState = 'loading' | 'final' | 'none' | 'failed';

/**
 * R-MED-02: the outcome and advice of an arbeidsdiagnose, as the coach and income consultant see it:
 * only once the Expertisecentrum has made it final, and never the medical records behind it.
 */
@Component({
  selector: 'wp-diagnosis-outcome-panel',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="outcome" [attr.aria-labelledby]="headingId">
      <h4 class="entry-title" [id]="headingId">{{ title() }}</h4>
      @switch (state()) {
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" aria-label="Uitkomst wordt geladen" />
        }
        @case ('none') {
          <p class="empty">Nog geen vastgestelde uitkomst van het Expertisecentrum.</p>
        }
        @case ('failed') {
          <div class="alert alert--error" role="alert">
            De uitkomst kon niet worden geladen. Probeer het opnieuw.
          </div>
        }
        @case ('final') {
          @if (outcome(); as o) {
            <p class="meta">
              Vastgesteld op {{ dateTime(o.finalizedAt) }} door
              {{ o.finalizedByName ?? 'het Expertisecentrum' }} · verzonden aan cliënt:
              {{ o.sentToClientOn ? date(o.sentToClientOn) : 'nog niet' }}
            </p>
            <dl class="facts">
              <dt>Conclusie</dt>
              <dd>{{ o.conclusion }}</dd>
              <dt>Advies</dt>
              <dd>{{ o.advice }}</dd>
            </dl>
          }
        }
      }
    </section>
  `,
  styleUrls: ['../client-tabs.scss', './expertise-results.scss'],
})
export class DiagnosisOutcomePanel {
  private readonly results = inject(ExpertiseResultsService);

  readonly trajectoryId = input.required<string>();
  /** Names the trajectory, e.g. "Uitkomst en advies Expertisecentrum (gestart 03-02-2026)". */
  readonly title = input('Uitkomst en advies Expertisecentrum');

  protected readonly headingId = `uitkomst-${nextId++}`;
  protected readonly state = signal<PanelState>('loading');
  protected readonly outcome = signal<DiagnosisOutcomeView | null>(null);
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;

  constructor() {
    effect(() => this.load(this.trajectoryId()));
  }

  private load(trajectoryId: string): void {
    this.state.set('loading');
    this.results.outcome(trajectoryId).subscribe({
      next: (outcome) => {
        // The API sends the coach only a final outcome; a draft is not shown here in any case.
        this.outcome.set(outcome.status === 'final' ? outcome : null);
        this.state.set(outcome.status === 'final' ? 'final' : 'none');
      },
      error: (error: unknown) => this.state.set(httpStatus(error) === 404 ? 'none' : 'failed'),
    });
  }
}
