import { createHash } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  DATA_CATEGORY_LABELS,
  type ProgressReportView,
  type RecordReportReviewRequest,
  type SendProgressReportRequest,
} from '@werkpad/shared';
import { type SelectQueryBuilder } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { todayInAmsterdam } from '../consents/consent-check.service';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { DossierEntry } from '../dossier/dossier-entry.entity';
import { fieldError } from '../../common/field-error';
import { ProgressReport } from './progress-report.entity';
import { ReportComposer, type ReportInput } from './report-composer.service';
import { renderProgressReportPdf } from './report-pdf';

const ALREADY_REVIEWED = 'Voor deze rapportage is al vastgelegd wanneer de cliënt haar zag.';

interface ViewRow {
  created_by_name: string | null;
  sent_by_name: string | null;
}

/** The legal ground of reading or sending a report, for the audit row. */
export function reportGround(report: ProgressReport): AuditGround {
  const grounds = [...new Set(report.content.sections.flatMap((part) => part.grounds))];
  return { kind: 'legal_basis', reference: grounds.join('; ') };
}

/**
 * Progress reports in the client file (issue 8): draft → reviewed with the client (R-SHARE-06) →
 * sent, which records a disclosure per trajectory and archives the report in the dossier.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly access: ClientAccess,
    private readonly composer: ReportComposer,
    private readonly disclosures: DisclosuresService,
  ) {}

  async list(ability: AppAbility, clientId: string): Promise<ProgressReportView[]> {
    const access = await this.access.find(ability, clientId);
    const { entities, raw } = await this.visible(access)
      .orderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .getRawAndEntities<ViewRow>();
    RequestContext.addAuditDetails({ categories: [] });
    return entities.map((entity, index) => toView(entity, raw[index]));
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    input: ReportInput,
  ): Promise<ProgressReportView> {
    const access = await this.access.find(ability, clientId);
    const report = await this.createFor(ability, actor, access, input, 'file');
    RequestContext.addAuditDetails({
      objectId: report.id,
      categories: report.categories,
      ground: reportGround(report),
      details: { ontvanger: report.recipientType, kenmerk: report.reference },
    });
    return this.view(access, report.id);
  }

  /** Composes and stores a report; shared with the management export. */
  async createFor(
    ability: AppAbility,
    actor: AuthenticatedUser,
    access: AccessibleClient,
    input: ReportInput,
    origin: ProgressReport['origin'],
  ): Promise<ProgressReport> {
    const report = await this.composer.compose(ability, actor, access, input, origin);
    await this.access.manager().getRepository(ProgressReport).insert(report);
    return report;
  }

  async get(ability: AppAbility, clientId: string, reportId: string): Promise<ProgressReportView> {
    const access = await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: reportId, categories: [] });
    return this.view(access, reportId);
  }

  /** The PDF, rendered from the stored content: the same bytes every time (R-REP-01: audited). */
  async pdf(
    ability: AppAbility,
    clientId: string,
    reportId: string,
  ): Promise<{ report: ProgressReport; pdf: Buffer }> {
    const access = await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: reportId });
    const report = await this.find(access, reportId);
    RequestContext.addAuditDetails({
      categories: report.categories,
      ground: reportGround(report),
      details: { kenmerk: report.reference },
    });
    return { report, pdf: await renderProgressReportPdf(report.content) };
  }

  /** R-SHARE-06: the client saw the report, before sending (a draft) or after (a sent one). */
  async review(
    ability: AppAbility,
    clientId: string,
    reportId: string,
    review: RecordReportReviewRequest,
  ): Promise<ProgressReportView> {
    const access = await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: reportId, categories: [] });
    const report = await this.find(access, reportId);
    if (report.reviewStatus !== 'not_shown') throw new ConflictException(ALREADY_REVIEWED);
    const today = todayInAmsterdam();
    if (review.shownOn > today) throw fieldError('shownOn', 'shownOn mag niet in de toekomst liggen');
    if (report.status === 'draft' && review.status !== 'shown_before_sending')
      throw fieldError(
        'status',
        'een rapportage die nog niet is verzonden, kan alleen vóór verzending besproken zijn',
      );
    if (report.status === 'sent' && report.sentAt) {
      const sentOn = todayInAmsterdam(report.sentAt);
      if (review.status === 'shown_before_sending' && review.shownOn > sentOn)
        throw fieldError('shownOn', `shownOn moet op of vóór de verzenddatum (${sentOn}) liggen`);
      if (review.status === 'shown_after_sending' && review.shownOn < sentOn)
        throw fieldError('shownOn', `shownOn moet op of na de verzenddatum (${sentOn}) liggen`);
      await this.disclosures.recordReportReview(report.disclosureIds, review);
    }
    const result = await this.access
      .manager()
      .createQueryBuilder()
      .update(ProgressReport)
      .set({ reviewStatus: review.status, shownToClientOn: review.shownOn })
      .where('id = :id AND review_status = :open', { id: reportId, open: 'not_shown' })
      .execute();
    if (result.affected !== 1) throw new ConflictException(ALREADY_REVIEWED);
    return this.view(access, reportId);
  }

  /**
   * Sends the report: per trajectory a disclosure decided by the sharing rules (not to the client,
   * who is the data subject), the PDF's digest, and an outgoing letter in the dossier (R-REP-02).
   */
  async send(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    reportId: string,
    request: SendProgressReportRequest,
  ): Promise<ProgressReportView> {
    const access = await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: reportId });
    const report = await this.find(access, reportId, true);
    if (report.status !== 'draft') throw new ConflictException('Deze rapportage is al verzonden.');
    const sentAt = new Date();
    const pdf = await renderProgressReportPdf(report.content);
    const pdfSha256 = createHash('sha256').update(pdf).digest();
    const disclosureIds: string[] = [];
    if (report.recipientType !== 'client') {
      for (const part of report.content.sections) {
        disclosureIds.push(
          await this.disclosures.recordReport(access, actor, {
            request: {
              trajectoryId: part.trajectoryId,
              recipient: {
                type: report.recipientType,
                organisation: report.recipientOrganisation,
                ...(report.recipientPerson ? { person: report.recipientPerson } : {}),
                country: 'NL',
              },
              categories: part.categories,
              channel: request.channel,
              isReport: true,
              purpose: `Voortgangsrapportage ${report.reference}`,
            },
            sentAt,
            data: { report: report.reference, pdfSha256: pdfSha256.toString('hex'), section: part },
            summary:
              `Voortgangsrapportage ${report.reference} over ${part.typeLabel.toLowerCase()}: ` +
              part.categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', '),
            reviewStatus: report.reviewStatus,
            shownToClientOn: report.shownToClientOn,
          }),
        );
      }
    }
    const entry = await this.access
      .manager()
      .getRepository(DossierEntry)
      .insert({
        clientId,
        trajectoryId: report.trajectoryIds[0],
        kind: 'correspondence',
        category: 'progress',
        title: `Voortgangsrapportage ${report.reference} verzonden`,
        body: `Verzonden aan ${report.recipientOrganisation}; periode ${report.periodStart} t/m ${report.periodEnd}; SHA-256 van de PDF ${pdfSha256.toString('hex')}.`,
        occurredOn: todayInAmsterdam(sentAt),
        authorId: actor.id,
        correspondenceDirection: 'outgoing',
        counterparty: report.recipientOrganisation,
      });
    await this.access
      .manager()
      .createQueryBuilder()
      .update(ProgressReport)
      .set({
        status: 'sent',
        sentBy: actor.id,
        sentAt,
        channel: request.channel,
        pdfSha256,
        disclosureIds,
        dossierEntryId: (entry.identifiers[0] as { id: string }).id,
      })
      .where('id = :id', { id: reportId })
      .execute();
    RequestContext.addAuditDetails({
      categories: report.categories,
      ground: reportGround(report),
      details: { ontvanger: report.recipientType, kenmerk: report.reference, kanaal: request.channel },
    });
    return this.view(access, reportId);
  }

  /**
   * The caller's visible reports of this client: only those whose every category the caller may
   * read (a report to the municipality holds benefit impact that management may not see).
   */
  private visible(access: AccessibleClient): SelectQueryBuilder<ProgressReport> {
    return this.access
      .manager()
      .getRepository(ProgressReport)
      .createQueryBuilder('report')
      .leftJoin('app_user', 'author', '"author"."id" = "report"."created_by"')
      .leftJoin('app_user', 'sender', '"sender"."id" = "report"."sent_by"')
      .addSelect('"author"."display_name"', 'created_by_name')
      .addSelect('"sender"."display_name"', 'sent_by_name')
      .where('report.clientId = :clientId', { clientId: access.client.id })
      .andWhere('report.categories <@ CAST(:readable AS text[])', { readable: [...access.readable] });
  }

  private async find(access: AccessibleClient, reportId: string, lock = false): Promise<ProgressReport> {
    const builder = this.visible(access).andWhere('report.id = :reportId', { reportId });
    if (lock) builder.setLock('pessimistic_write', undefined, ['report']);
    const report = await builder.getOne();
    if (!report) throw new NotFoundException('Rapportage niet gevonden.');
    return report;
  }

  private async view(access: AccessibleClient, reportId: string): Promise<ProgressReportView> {
    const { entities, raw } = await this.visible(access)
      .andWhere('report.id = :reportId', { reportId })
      .getRawAndEntities<ViewRow>();
    if (!entities[0]) throw new NotFoundException('Rapportage niet gevonden.');
    return toView(entities[0], raw[0]);
  }
}

function toView(report: ProgressReport, row: ViewRow | undefined): ProgressReportView {
  return {
    id: report.id,
    reference: report.reference,
    clientId: report.clientId,
    trajectoryIds: report.trajectoryIds,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    recipientType: report.recipientType,
    recipientOrganisation: report.recipientOrganisation,
    recipientPerson: report.recipientPerson,
    categories: report.categories,
    status: report.status,
    origin: report.origin,
    reviewStatus: report.reviewStatus,
    shownToClientOn: report.shownToClientOn,
    createdAt: report.createdAt.toISOString(),
    createdByName: row?.created_by_name ?? '',
    sentAt: report.sentAt?.toISOString() ?? null,
    sentByName: row?.sent_by_name ?? null,
    channel: report.channel,
    contentSha256: report.contentSha256.toString('hex'),
    pdfSha256: report.pdfSha256?.toString('hex') ?? null,
    disclosureIds: report.disclosureIds,
  };
}
