import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { ClientView } from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { httpStatus } from '../../../core/http/api-error';
import { ClientAccessGrounds } from '../components/access-grounds/client-access-grounds';
import { ClientDocuments } from '../components/client-documents';
import { ClientConsents } from '../components/consents/client-consents';
import { ClientDisclosures } from '../components/sharing/client-disclosures';
import type { TrajectorySource } from '../components/sharing/sharing-dialog';
import { ClientDossier } from '../components/client-dossier';
import { ClientHistory } from '../components/client-history';
import { ClientReports } from '../../reports/components/client-reports';
import { ClientRetentionPanel } from '../../retention/components/client-retention-panel';
import { ClientOverview } from '../components/client-overview';
import { ClientPayroll } from '../components/client-payroll';
import { ClientTrajectories } from '../components/client-trajectories';
import { fileCategories, visibleTabs, writableCategories } from '../services/client-file-access';
import { ClientsService } from '../services/clients.service';

type LoadState = 'loading' | 'loaded' | 'not-found';

/**
 * One client file, in tabs. Which tabs exist follows from what the API showed (`categories`) and
 * the user's rules; every tab loads its own data when it is opened.
 */
@Component({
  selector: 'wp-client-file-page',
  imports: [
    RouterLink,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    ClientAccessGrounds,
    ClientConsents,
    ClientDisclosures,
    ClientDocuments,
    ClientDossier,
    ClientHistory,
    ClientOverview,
    ClientReports,
    ClientRetentionPanel,
    ClientPayroll,
    ClientTrajectories,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-file-page.html',
  styleUrl: './client-file-page.scss',
})
export class ClientFilePage {
  private readonly clients = inject(ClientsService);
  private readonly auth = inject(AuthService);

  /** The route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly client = signal<ClientView | null>(null);
  protected readonly state = signal<LoadState>('loading');
  protected readonly roles = computed(() => this.auth.user()?.roles ?? []);
  /** What the user may read of this file, as the API names it (`readableCategories`). */
  protected readonly categories = computed(() => fileCategories(this.client()));
  protected readonly tabs = computed(() => visibleTabs(this.categories(), this.auth.ability()));
  protected readonly writable = computed(() => writableCategories(this.categories(), this.auth.ability()));
  /** Client fields the user may edit here; payroll's bank account is not edited on this screen. */
  protected readonly editable = computed(() => this.writable().filter((category) => category !== 'payroll'));
  /** Payroll staff record employments, hours, absence, loonwaarde and subsidy (`update` payroll). */
  protected readonly canEditPayroll = computed(() => this.writable().includes('payroll'));
  protected readonly canManageTrajectories = computed(() => this.writable().includes('progress'));
  /** R-MED-05: the coach records functional capabilities (update health_functional of this client). */
  protected readonly canAddCapability = computed(
    () =>
      this.writable().includes('health_functional') ||
      this.auth.ability().can('create', 'FunctionalCapability'),
  );
  protected readonly canRevealBsn = computed(() => this.auth.ability().can('reveal', 'Client'));
  protected readonly canUpload = computed(() => this.auth.ability().can('create', 'Document'));
  /** Consents and disclosures belong to the client's trajectories, so only files with progress show them. */
  protected readonly canReadConsents = computed(
    () => this.tabs().trajectories && this.auth.ability().can('read', 'Consent'),
  );
  /** R-RET-01..03: the client's destruction dates and legal holds (coach, consultant, records manager). */
  protected readonly canReadRetention = computed(() => this.auth.ability().can('read', 'LegalHold'));
  protected readonly canCreateConsent = computed(() => this.auth.ability().can('create', 'Consent'));
  protected readonly canWithdrawConsent = computed(() => this.auth.ability().can('update', 'Consent'));
  /**
   * Disclosures belong to a trajectory: those who read the trajectories share for them; payroll,
   * who may not, shares for the employment trajectories (beschut werk, loonkostensubsidie) of the
   * payroll file.
   */
  protected readonly canReadDisclosures = computed(
    () => (this.tabs().trajectories || this.tabs().payroll) && this.auth.ability().can('read', 'Disclosure'),
  );
  protected readonly trajectorySource = computed<TrajectorySource>(() =>
    this.tabs().trajectories ? 'trajectories' : 'employment',
  );
  protected readonly canShare = computed(() => this.auth.ability().can('create', 'Disclosure'));
  /** R-SHARE-06: recording that the client saw a report is an update of the disclosure. */
  protected readonly canRecordReview = computed(() => this.auth.ability().can('update', 'Disclosure'));
  /** Issue 8: progress reports belong to trajectories, so only files with progress have the tab. */
  protected readonly canReadReports = computed(
    () => this.tabs().trajectories && this.auth.ability().can('read', 'ProgressReport'),
  );
  protected readonly canCreateReport = computed(() => this.auth.ability().can('create', 'ProgressReport'));
  protected readonly canUpdateReport = computed(() => this.auth.ability().can('update', 'ProgressReport'));
  protected readonly name = computed(() => {
    const client = this.client();
    if (!client || client.firstName === undefined) return 'Cliëntdossier';
    return `${client.firstName} ${client.lastName ?? ''}`.trim();
  });

  constructor() {
    effect(() => this.load(this.id()));
  }

  protected reload(): void {
    this.load(this.id());
  }

  protected replace(client: ClientView): void {
    this.client.set(client);
  }

  private load(id: string): void {
    this.clients.get(id).subscribe({
      next: (client) => {
        this.client.set(client);
        this.state.set('loaded');
      },
      error: (error: unknown) => {
        // 404 also means "not in your caseload": the API does not tell the two apart, nor do we.
        if (httpStatus(error) === 404) this.state.set('not-found');
      },
    });
  }
}
