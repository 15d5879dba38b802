import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { ExpertiseTrajectoryDetail } from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { httpStatus } from '../../../core/http/api-error';
import { dutchDate } from '../../../shared/dutch-dates';
import { FunctionalCapabilities } from '../../clients/components/expertise/functional-capabilities';
import { CareProviderRequests } from '../components/care-provider-requests';
import { ExpertiseConsents } from '../components/expertise-consents';
import { MedicalRecords } from '../components/medical-records';
import { OutcomeEditor } from '../components/outcome-editor';
import { outcomeStatusLabel, RETENTION_EXPLANATION, trajectoryStatusLabel } from '../expertise-labels';
import { ExpertiseService } from '../services/expertise.service';

type LoadState = 'loading' | 'loaded' | 'not-found';

/**
 * The workspace of one arbeidsdiagnose. The medical tabs carry the medical marker; the outcome and
 * the functional capabilities are what may leave the Expertisecentrum, and say so.
 */
@Component({
  selector: 'wp-workspace-page',
  imports: [
    RouterLink,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    CareProviderRequests,
    ExpertiseConsents,
    FunctionalCapabilities,
    MedicalRecords,
    OutcomeEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workspace-page.html',
  styleUrl: './expertise-pages.scss',
})
export class WorkspacePage {
  private readonly expertise = inject(ExpertiseService);
  private readonly auth = inject(AuthService);

  /** The route parameter `:trajectoryId` (component input binding). */
  readonly trajectoryId = input.required<string>();

  protected readonly detail = signal<ExpertiseTrajectoryDetail | null>(null);
  protected readonly state = signal<LoadState>('loading');
  /** Medical records, requests and the outcome are written only while the research is open. */
  protected readonly open = computed(() => this.detail()?.status === 'open');
  protected readonly canRecordConsent = computed(() => this.auth.ability().can('create', 'Consent'));
  protected readonly canAddCapability = computed(() => {
    const ability = this.auth.ability();
    return (
      this.open() &&
      (ability.can('create', 'FunctionalCapability') || ability.can('update', 'Client', 'health_functional'))
    );
  });
  protected readonly gpConsentValid = computed(
    () =>
      this.detail()?.consents.some((consent) => consent.purpose === 'gp_data_request' && consent.valid) ??
      false,
  );
  protected readonly retention = RETENTION_EXPLANATION;
  protected readonly date = dutchDate;
  protected readonly statusLabel = trajectoryStatusLabel;
  protected readonly outcomeLabel = outcomeStatusLabel;

  constructor() {
    effect(() => this.load(this.trajectoryId()));
  }

  /** After a consent was recorded: the header and the consent tab show the new status. */
  protected reload(): void {
    this.expertise.trajectory(this.trajectoryId()).subscribe({
      next: (detail) => this.detail.set(detail),
      error: () => undefined,
    });
  }

  private load(trajectoryId: string): void {
    this.state.set('loading');
    this.expertise.trajectory(trajectoryId).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        this.state.set('loaded');
      },
      error: (error: unknown) => {
        // 404 also means "not yours": the API does not tell the two apart, nor do we.
        if (httpStatus(error) === 404) this.state.set('not-found');
      },
    });
  }
}
