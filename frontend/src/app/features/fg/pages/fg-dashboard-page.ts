import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type FgDashboard, FINDING_KINDS, type FindingKind, ROLES } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { BarChart, type ChartData } from '../components/bar-chart';
import { dutchDate, findingKindLabel, formatNumber, roleLabel } from '../fg-labels';
import { FgService } from '../services/fg.service';

/** Roles in the order of ROLES (as everywhere in Werkpad); anything else after them, alphabetically. */
function roleOrder(a: string, b: string): number {
  const rank = (role: string) => {
    const index = (ROLES as readonly string[]).indexOf(role);
    return index === -1 ? ROLES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The API counts a user with several roles once, under the roles joined with "+" ("coach+payroll"),
 * so no access is counted twice; the label joins the Dutch role names the same way.
 */
function roleGroupLabel(group: string): string {
  return group.split('+').map(roleLabel).join(' + ');
}

/** Accesses per day, one series per role (group); days oldest first (ISO dates sort as text). */
export function accessesChart(dashboard: FgDashboard): ChartData {
  const roles = [...new Set(dashboard.accessesPerDay.map((point) => point.role))].sort(roleOrder);
  const days = [...new Set(dashboard.accessesPerDay.map((point) => point.day))].sort();
  return {
    series: roles.map((role) => ({ key: role, label: roleGroupLabel(role) })),
    rows: days.map((day) => {
      const values: Record<string, number> = {};
      for (const point of dashboard.accessesPerDay) {
        if (point.day === day) values[point.role] = (values[point.role] ?? 0) + point.count;
      }
      return { label: dutchDate(day), values };
    }),
  };
}

export function deniedChart(dashboard: FgDashboard): ChartData {
  const days = [...dashboard.deniedPerDay].sort((a, b) => a.day.localeCompare(b.day));
  return {
    series: [{ key: 'denied', label: 'Geweigerde pogingen' }],
    rows: days.map((point) => ({ label: dutchDate(point.day), values: { denied: point.count } })),
  };
}

/** The FG's overview (issue 6, item 8): log activity, what needs review, and the breaches. */
@Component({
  selector: 'wp-fg-dashboard-page',
  imports: [RouterLink, MatCardModule, MatIconModule, MatProgressBarModule, BarChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fg-dashboard-page.html',
  styleUrl: './fg-dashboard-page.scss',
})
export class FgDashboardPage {
  private readonly fg = inject(FgService);

  protected readonly dashboard = signal<FgDashboard | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly accesses = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? accessesChart(dashboard) : null;
  });
  protected readonly denied = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? deniedChart(dashboard) : null;
  });
  protected readonly findingKinds = FINDING_KINDS;
  protected readonly kindLabel = findingKindLabel;
  protected readonly format = formatNumber;

  constructor() {
    this.fg.dashboard().subscribe({
      next: (dashboard) => this.dashboard.set(dashboard),
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'Het overzicht kon niet worden geladen. Probeer het opnieuw.')),
    });
  }

  protected openFindings(dashboard: FgDashboard, kind: FindingKind): number {
    return dashboard.openFindings[kind] ?? 0;
  }
}
