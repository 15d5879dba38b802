import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  type ClientView,
  REPORT_RECIPIENT_LABELS,
  REPORT_RECIPIENT_TYPES,
  type ReportExportView,
  type ReportRecipientType,
  TRAJECTORY_TYPE_RULES,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDate, toIsoDate } from '../../../shared/dutch-dates';
import { ClientsService } from '../../clients/services/clients.service';
import { saveFile } from '../../fg/services/fg.service';
import { ReportsService } from '../services/reports.service';

/** The most clients one search shows (the API's largest page). */
const SEARCH_PAGE_SIZE = 100;

/**
 * Management's export (R-REP-01, issue 8): choose clients, a recipient and a period; the reports are
 * made a few clients at a time, with progress shown, and then downloaded as one zip of PDFs.
 */
@Component({
  selector: 'wp-report-export-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-export-page.html',
  styleUrl: './report-export-page.scss',
})
export class ReportExportPage {
  private readonly clients = inject(ClientsService);
  private readonly reports = inject(ReportsService);

  protected readonly recipients = REPORT_RECIPIENT_TYPES.map((type) => ({
    type,
    label: REPORT_RECIPIENT_LABELS[type],
  }));
  protected readonly trajectoryTypes = TRAJECTORY_TYPES.map((type) => ({
    type,
    label: TRAJECTORY_TYPE_RULES[type].label,
  }));
  protected readonly search = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    trajectoryType: new FormControl<TrajectoryType | null>(null),
  });
  protected readonly settings = new FormGroup({
    recipientType: new FormControl<ReportRecipientType>('income_consultant', {
      nonNullable: true,
      validators: Validators.required,
    }),
    periodStart: new FormControl<Date | null>(new Date(new Date().getFullYear(), 0, 1), Validators.required),
    periodEnd: new FormControl<Date | null>(new Date(), Validators.required),
  });

  protected readonly found = signal<readonly ClientView[]>([]);
  protected readonly total = signal(0);
  protected readonly searching = signal(false);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly progress = signal<ReportExportView | null>(null);
  protected readonly running = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly percent = computed(() => {
    const view = this.progress();
    return view && view.total > 0 ? Math.round((100 * view.done) / view.total) : 0;
  });

  constructor() {
    this.find();
  }

  protected name(client: ClientView): string {
    return `${client.firstName ?? ''} ${client.lastName ?? ''}`.trim() || client.id;
  }

  protected born(client: ClientView): string {
    return client.dateOfBirth ? dutchDate(client.dateOfBirth) : '';
  }

  protected find(): void {
    const { q, trajectoryType } = this.search.getRawValue();
    this.searching.set(true);
    this.clients
      .list({
        q: q.trim(),
        page: 1,
        pageSize: SEARCH_PAGE_SIZE,
        trajectoryType,
        status: trajectoryType ? 'open' : null,
      })
      .subscribe({
        next: (page) => {
          this.found.set(page.items);
          this.total.set(page.total);
          this.searching.set(false);
        },
        error: (error: unknown) => {
          this.searching.set(false);
          this.error.set(apiErrorMessage(error, 'De cliënten konden niet worden gezocht.'));
        },
      });
  }

  protected isSelected(client: ClientView): boolean {
    return this.selected().has(client.id);
  }

  protected toggle(client: ClientView, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(client.id);
    else next.delete(client.id);
    this.selected.set(next);
  }

  protected selectShown(): void {
    this.selected.set(new Set([...this.selected(), ...this.found().map((client) => client.id)]));
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected start(): void {
    this.settings.markAllAsTouched();
    const { recipientType, periodStart, periodEnd } = this.settings.getRawValue();
    if (this.running() || this.selected().size === 0 || !periodStart || !periodEnd) return;
    if (periodEnd < periodStart) {
      this.error.set('Het einde van de periode mag niet vóór het begin liggen.');
      return;
    }
    this.error.set(null);
    this.running.set(true);
    this.reports
      .startExport({
        clientIds: [...this.selected()],
        recipientType,
        periodStart: toIsoDate(periodStart),
        periodEnd: toIsoDate(periodEnd),
      })
      .subscribe({ next: (view) => this.advance(view), error: (error: unknown) => this.fail(error) });
  }

  protected download(): void {
    const view = this.progress();
    if (!view) return;
    this.reports.exportZip(view.id).subscribe({
      next: (file) => saveFile(file),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected skippedName(clientId: string): string {
    const client = this.found().find((each) => each.id === clientId);
    return client ? this.name(client) : clientId;
  }

  /** One step after another until every client is handled; the bar shows how far it is. */
  private advance(view: ReportExportView): void {
    this.progress.set(view);
    if (view.status === 'completed') {
      this.running.set(false);
      return;
    }
    this.reports.exportStep(view.id).subscribe({
      next: (next) => this.advance(next),
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.running.set(false);
    this.error.set(apiErrorMessage(error, 'De export is onderbroken. Probeer het opnieuw.'));
  }
}
