import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type DataCategory,
  REPORT_RECIPIENT_LABELS,
  type ReportExportRequest,
  type ReportExportView,
  type ReportRecipientType,
} from '@werkpad/shared';
import { zipSync, type Zippable } from 'fflate';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { fieldError } from '../../common/field-error';
import { ProgressReport } from './progress-report.entity';
import { ReportComposer } from './report-composer.service';
import { renderProgressReportPdf } from './report-pdf';
import { ReportsService } from './reports.service';

/** Clients handled per step: small enough that each request answers within a second or two. */
export const EXPORT_STEP_SIZE = 5;

const EXPORT_GROUND = { kind: 'role_policy', reference: 'reports.policy (managementexport)' } as const;

interface ExportRow {
  id: string;
  recipient_type: ReportRecipientType;
  period_start: string;
  period_end: string;
  client_ids: string[];
  done: number;
  report_ids: string[];
  skipped: Array<{ clientId: string; reason: string }>;
}

function toView(row: ExportRow): ReportExportView {
  return {
    id: row.id,
    total: row.client_ids.length,
    done: row.done,
    status: row.done === row.client_ids.length ? 'completed' : 'running',
    reportIds: row.report_ids,
    skipped: row.skipped,
  };
}

/**
 * Management's export of progress reports for a selection of clients (R-REP-01, issue 8): one
 * report per client, made in steps the browser asks for (so it shows progress and a stopped export
 * resumes), then one zip with a PDF per client. Every step and the download are audited.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    private readonly access: ClientAccess,
    private readonly composer: ReportComposer,
    private readonly reports: ReportsService,
  ) {}

  async create(actor: AuthenticatedUser, request: ReportExportRequest): Promise<ReportExportView> {
    if (request.periodEnd < request.periodStart)
      throw fieldError('periodEnd', 'periodEnd mag niet vóór periodStart liggen');
    const [row] = await this.access.manager().query<ExportRow[]>(
      `INSERT INTO report_export (requested_by, recipient_type, period_start, period_end, client_ids)
       VALUES ($1, $2, $3, $4, $5::uuid[])
       RETURNING id, recipient_type, period_start::text, period_end::text, client_ids::text[], done,
                 report_ids::text[], skipped`,
      [actor.id, request.recipientType, request.periodStart, request.periodEnd, request.clientIds],
    );
    RequestContext.addAuditDetails({
      objectId: row.id,
      categories: [],
      ground: EXPORT_GROUND,
      details: { ontvanger: request.recipientType, aantal: String(request.clientIds.length) },
    });
    return toView(row);
  }

  async get(actor: AuthenticatedUser, exportId: string): Promise<ReportExportView> {
    RequestContext.addAuditDetails({ objectId: exportId, categories: [], ground: EXPORT_GROUND });
    return toView(await this.find(actor, exportId, false));
  }

  /** The next few clients: a report each, or the reason there is none. */
  async step(ability: AppAbility, actor: AuthenticatedUser, exportId: string): Promise<ReportExportView> {
    RequestContext.addAuditDetails({ objectId: exportId, ground: EXPORT_GROUND });
    const row = await this.find(actor, exportId, true);
    const clientIds = row.client_ids.slice(row.done, row.done + EXPORT_STEP_SIZE);
    const reportIds: string[] = [];
    const skipped: ExportRow['skipped'] = [];
    const categories = new Set<DataCategory>();
    for (const clientId of clientIds) {
      const access = await this.access.find(ability, clientId).catch((error: unknown) => {
        if (error instanceof NotFoundException) return null;
        throw error;
      });
      if (!access) {
        skipped.push({ clientId, reason: 'Cliënt niet gevonden.' });
        continue;
      }
      const trajectories = await this.composer.reportableTrajectories(
        access,
        ability,
        row.recipient_type,
        row.period_start,
        row.period_end,
      );
      if (trajectories.length === 0) {
        skipped.push({
          clientId,
          reason: `Geen traject in deze periode waarover aan ${REPORT_RECIPIENT_LABELS[row.recipient_type].toLowerCase()} gerapporteerd mag worden.`,
        });
        continue;
      }
      const report = await this.reports.createFor(
        ability,
        actor,
        access,
        {
          trajectoryIds: trajectories.map((trajectory) => trajectory.id),
          periodStart: row.period_start,
          periodEnd: row.period_end,
          recipientType: row.recipient_type,
        },
        'management_export',
      );
      report.categories.forEach((category) => categories.add(category));
      reportIds.push(report.id);
    }
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[updated]] = await this.access.manager().query<[ExportRow[], number]>(
      `UPDATE report_export SET done = done + $2, report_ids = report_ids || $3::uuid[], skipped = skipped || $4::jsonb
        WHERE id = $1
        RETURNING id, recipient_type, period_start::text, period_end::text, client_ids::text[], done,
                  report_ids::text[], skipped`,
      [exportId, clientIds.length, reportIds, JSON.stringify(skipped)],
    );
    RequestContext.addAuditDetails({
      categories: [...categories],
      details: { rapportages: String(reportIds.length), overgeslagen: String(skipped.length) },
    });
    return toView(updated);
  }

  /** The zip of a completed export: one PDF per report, named by its reference. */
  async zip(ability: AppAbility, actor: AuthenticatedUser, exportId: string): Promise<Buffer> {
    RequestContext.addAuditDetails({ objectId: exportId, ground: EXPORT_GROUND });
    const row = await this.find(actor, exportId, false);
    if (row.done < row.client_ids.length)
      throw new ConflictException('De export is nog niet klaar; wacht tot alle rapportages zijn gemaakt.');
    const reports = await this.access
      .manager()
      .getRepository(ProgressReport)
      .createQueryBuilder('report')
      .where('report.id = ANY(:ids)', { ids: row.report_ids })
      .orderBy('report.reference', 'ASC')
      .getMany();
    const files: Zippable = {};
    const categories = new Set<DataCategory>();
    for (const report of reports) {
      // Still visible, and every category still readable (a client reassigned or destroyed since drops out).
      const access = await this.access.find(ability, report.clientId).catch(() => null);
      if (!access || !report.categories.every((category) => access.readable.has(category))) continue;
      report.categories.forEach((category) => categories.add(category));
      files[`${report.reference}.pdf`] = [
        new Uint8Array(await renderProgressReportPdf(report.content)),
        { level: 0 },
      ];
    }
    RequestContext.addAuditDetails({
      categories: [...categories],
      details: { rapportages: String(Object.keys(files).length) },
    });
    return Buffer.from(zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') }));
  }

  private async find(actor: AuthenticatedUser, exportId: string, lock: boolean): Promise<ExportRow> {
    const rows = await this.access.manager().query<ExportRow[]>(
      `SELECT id, recipient_type, period_start::text, period_end::text, client_ids::text[], done,
              report_ids::text[], skipped
         FROM report_export WHERE id = $1 AND requested_by = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [exportId, actor.id],
    );
    if (!rows[0]) throw new NotFoundException('Export niet gevonden.');
    return rows[0];
  }
}
