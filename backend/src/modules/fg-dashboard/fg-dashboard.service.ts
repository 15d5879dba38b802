import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FgDashboard } from '@werkpad/shared';
import { DataSource } from 'typeorm';

import { BreachesService } from '../breaches/breaches.service';
import { FindingsService } from '../findings/findings.service';
import { RetentionService } from '../retention/retention.service';

/** The dashboard covers the last 30 Dutch calendar days, today included. */
export const DASHBOARD_DAYS = 30;
const ZONE = 'Europe/Amsterdam';

/** Today's date in Dutch time as YYYY-MM-DD. */
function dutchToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Figures for the FG (issue 6, item 8), from the access log and the breach register only: counts,
 * never client ids or content. An access is an allowed log row that names at least one client (a
 * read, search, change or export of client data; logins, account actions and the FG's own work are
 * not). It is counted under the user's roles as one label (e.g. "coach+payroll"), so a user with two
 * roles is not counted twice. A denied attempt is any row with result 'denied' (401, 403, 404).
 */
@Injectable()
export class FgDashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly breaches: BreachesService,
    private readonly findings: FindingsService,
    private readonly retention: RetentionService,
  ) {}

  async get(now = new Date()): Promise<FgDashboard> {
    const today = dutchToday(now);
    const firstDay = addDays(today, -(DASHBOARD_DAYS - 1));
    // Bounds as Dutch midnights, so the range uses the index on occurred_at.
    const range = `occurred_at >= ($1::date)::timestamp AT TIME ZONE '${ZONE}'
                   AND occurred_at < ($2::date + 1)::timestamp AT TIME ZONE '${ZONE}'`;
    const dayExpression = `to_char(occurred_at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD')`;

    const accesses: Array<{ day: string; role: string; count: number }> = await this.dataSource.query(
      `SELECT ${dayExpression} AS day, (SELECT string_agg(r, '+' ORDER BY r) FROM unnest(roles) r) AS role, count(*)::int AS count
         FROM audit_event
        WHERE ${range} AND result = 'allowed' AND cardinality(subject_client_ids) > 0
          AND cardinality(roles) > 0
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [firstDay, today],
    );
    const denied: Array<{ day: string; count: number }> = await this.dataSource.query(
      `SELECT ${dayExpression} AS day, count(*)::int AS count
         FROM audit_event WHERE ${range} AND result = 'denied' GROUP BY 1`,
      [firstDay, today],
    );
    const deniedByDay = new Map(denied.map((row) => [row.day, row.count]));
    const breaches = await this.breaches.counts(now);

    return {
      accessesPerDay: accesses,
      // Every day of the window, zero included, so a chart shows quiet days too.
      deniedPerDay: Array.from({ length: DASHBOARD_DAYS }, (_, index) => {
        const day = addDays(firstDay, index);
        return { day, count: deniedByDay.get(day) ?? 0 };
      }),
      openFindings: await this.findings.openCounts(),
      openBreaches: breaches.open,
      overdueBreaches: breaches.overdue,
      dataSubjectRequestsByDeadline: await this.requestsByDeadline(today),
      dossiersDueForDestruction: (await this.retention.stateCounts()).due,
    };
  }

  /** R-DSR-03: open requests against the deadline that applies (the extended one where extended). */
  private async requestsByDeadline(today: string): Promise<FgDashboard['dataSubjectRequestsByDeadline']> {
    const [counts] = await this.dataSource.query<
      Array<{ open: number; due_within_seven_days: number; overdue: number }>
    >(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE coalesce(extended_due_on, due_on) BETWEEN $1::date AND $1::date + 7)::int
                AS due_within_seven_days,
              count(*) FILTER (WHERE coalesce(extended_due_on, due_on) < $1::date)::int AS overdue
         FROM dsr_request WHERE status = 'open'`,
      [today],
    );
    return { open: counts.open, dueWithinSevenDays: counts.due_within_seven_days, overdue: counts.overdue };
  }
}
