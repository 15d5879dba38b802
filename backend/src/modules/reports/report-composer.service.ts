import { randomUUID } from 'node:crypto';

import { BadRequestException, Injectable } from '@nestjs/common';
import {
  type CreateProgressReportRequest,
  type DataCategory,
  type ProgressReportContent,
  REPORT_RECIPIENT_LABELS,
  reportCategories,
  type ReportRecipientType,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';
import { Brackets } from 'typeorm';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { DossierEntry } from '../dossier/dossier-entry.entity';
import { fieldError } from '../../common/field-error';
import { hidesJobcoachingFile } from '../dossier/dossier.service';
import { finalOutcomeOf } from '../expertise/expertise-records';
import { PROCESSING_CONTROLLER } from '../processing-register/processing-activities';
import { Trajectory } from '../trajectories/trajectory.entity';
import { ProgressReport } from './progress-report.entity';
import {
  buildReportContent,
  contentDigest,
  REPORTED_ENTRY_KINDS,
  reportedCategories,
  type TrajectoryMaterial,
} from './report-content';

/** What a report is made from: the request of the client file, or one client of an export. */
export type ReportInput = CreateProgressReportRequest;

/** What a report about this trajectory may say to this recipient (identity alone says nothing). */
function hasReportableContent(categories: readonly DataCategory[]): boolean {
  return categories.some((category) => category !== 'identity');
}

/**
 * Assembles a progress report from the client file (issue 8): the content is chosen through the
 * sharing rules per trajectory (R-REP-01), limited to what the author may read, and stored with
 * the report so that it renders the same PDF again.
 */
@Injectable()
export class ReportComposer {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
  ) {}

  /** The trajectories of a client that ran during the period and about which the recipient may hear something. */
  async reportableTrajectories(
    access: AccessibleClient,
    ability: AppAbility,
    recipientType: ReportRecipientType,
    periodStart: string,
    periodEnd: string,
  ): Promise<Trajectory[]> {
    const trajectories = await this.access
      .manager()
      .getRepository(Trajectory)
      .createQueryBuilder('trajectory')
      .where('trajectory.clientId = :clientId', { clientId: access.client.id })
      .andWhere('trajectory.startDate <= :periodEnd', { periodEnd })
      .andWhere(
        new Brackets((where) =>
          where
            .where('trajectory.closedOn IS NULL')
            .orWhere('trajectory.closedOn >= :periodStart', { periodStart }),
        ),
      )
      .orderBy('trajectory.startDate', 'ASC')
      .addOrderBy('trajectory.id', 'ASC')
      .getMany();
    return trajectories.filter((trajectory) =>
      hasReportableContent(this.selection(ability, access, recipientType, trajectory).categories),
    );
  }

  /** A new report's row, content included; the caller inserts it. Bad input answers 400. */
  async compose(
    ability: AppAbility,
    actor: AuthenticatedUser,
    access: AccessibleClient,
    input: ReportInput,
    origin: ProgressReport['origin'],
  ): Promise<ProgressReport> {
    if (input.periodEnd < input.periodStart)
      throw fieldError('periodEnd', 'periodEnd mag niet vóór periodStart liggen');
    const trajectories = await this.trajectories(access.client.id, input.trajectoryIds);
    const nextSteps = new Map<string, string>();
    for (const step of input.nextSteps ?? []) {
      if (!input.trajectoryIds.includes(step.trajectoryId))
        throw fieldError('nextSteps', 'nextSteps noemt een traject dat niet in deze rapportage staat');
      nextSteps.set(step.trajectoryId, step.text);
    }
    const materials: TrajectoryMaterial[] = [];
    const refused: string[] = [];
    for (const trajectory of trajectories) {
      const selection = this.selection(ability, access, input.recipientType, trajectory);
      if (!hasReportableContent(selection.categories)) {
        refused.push(TRAJECTORY_TYPE_RULES[trajectory.type].label.toLowerCase());
        continue;
      }
      materials.push({
        trajectory,
        coachName: await this.displayName(trajectory.coachId),
        selection,
        entries: await this.entries(trajectory.id, selection.categories, input.periodStart, input.periodEnd),
        outcome:
          trajectory.type === 'arbeidsdiagnose' && selection.categories.includes('diagnosis_outcome')
            ? await finalOutcomeOf(this.access.manager(), trajectory.id)
            : null,
        nextSteps: nextSteps.get(trajectory.id) ?? null,
      });
    }
    if (refused.length > 0)
      throw new BadRequestException(
        `Over een traject ${refused.join(', ')} mag niets worden gerapporteerd aan ` +
          `${REPORT_RECIPIENT_LABELS[input.recipientType].toLowerCase()} (R-SHARE-01, R-REP-01).`,
      );

    const id = randomUUID();
    const createdAt = new Date();
    const reference = await this.nextReference(createdAt);
    const client = access.client;
    const organisation =
      input.recipientOrganisation?.trim() ||
      (input.recipientType === 'client'
        ? `${client.firstName} ${client.lastName}`
        : trajectories[0].reportingRecipient);
    const content: ProgressReportContent = buildReportContent({
      reference,
      organisation: PROCESSING_CONTROLLER,
      createdAt,
      authorName: actor.displayName,
      client,
      decryptBsn: () => this.crypto.decrypt(client.bsnEncrypted),
      recipient: { type: input.recipientType, organisation, person: input.recipientPerson?.trim() || null },
      period: { start: input.periodStart, end: input.periodEnd },
      trajectories: materials,
    });
    return Object.assign(new ProgressReport(), {
      id,
      reference,
      clientId: client.id,
      trajectoryIds: trajectories.map((trajectory) => trajectory.id),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      recipientType: input.recipientType,
      recipientOrganisation: organisation,
      recipientPerson: content.recipient.person,
      categories: reportedCategories(content),
      content,
      contentSha256: contentDigest(content),
      origin,
      status: 'draft',
      reviewStatus: 'not_shown',
      shownToClientOn: null,
      createdBy: actor.id,
      createdAt,
      sentBy: null,
      sentAt: null,
      channel: null,
      pdfSha256: null,
      disclosureIds: [],
      dossierEntryId: null,
    } satisfies ProgressReport);
  }

  private selection(
    ability: AppAbility,
    access: AccessibleClient,
    recipientType: ReportRecipientType,
    trajectory: Trajectory,
  ) {
    const selection = reportCategories(recipientType, trajectory.type, access.readable);
    // R-SHARE-04: a jobcoaching file the caller may not open is not reported by them either.
    if (trajectory.type === 'jobcoaching' && hidesJobcoachingFile(ability))
      return { ...selection, categories: selection.categories.filter((category) => category === 'identity') };
    return selection;
  }

  /** The client's trajectories by id, in the order asked; one of another client answers 400. */
  private async trajectories(clientId: string, ids: readonly string[]): Promise<Trajectory[]> {
    const unique = [...new Set(ids)];
    const found = await this.access
      .manager()
      .getRepository(Trajectory)
      .createQueryBuilder('trajectory')
      .where('trajectory.clientId = :clientId', { clientId })
      .andWhere('trajectory.id = ANY(:ids)', { ids: unique })
      .getMany();
    if (found.length !== unique.length)
      throw fieldError('trajectoryIds', 'trajectoryIds bevat een traject dat niet bij deze cliënt hoort');
    return unique.map((id) => found.find((trajectory) => trajectory.id === id) as Trajectory);
  }

  private entries(
    trajectoryId: string,
    categories: readonly DataCategory[],
    periodStart: string,
    periodEnd: string,
  ): Promise<DossierEntry[]> {
    return this.access
      .manager()
      .getRepository(DossierEntry)
      .createQueryBuilder('entry')
      .where('entry.trajectoryId = :trajectoryId', { trajectoryId })
      .andWhere('entry.kind = ANY(:kinds)', { kinds: [...REPORTED_ENTRY_KINDS] })
      .andWhere('entry.category = ANY(:categories)', { categories: [...categories] })
      .andWhere('entry.occurredOn BETWEEN :periodStart AND :periodEnd', { periodStart, periodEnd })
      .orderBy('entry.occurredOn', 'ASC')
      .addOrderBy('entry.createdAt', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .getMany();
  }

  private async displayName(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const rows = await this.access
      .manager()
      .query<Array<{ display_name: string }>>('SELECT display_name FROM app_user WHERE id = $1', [userId]);
    return rows[0]?.display_name ?? null;
  }

  /** RAP-2026-000042: the year of creation and a number that is never reused. */
  private async nextReference(createdAt: Date): Promise<string> {
    const [{ number }] = await this.access
      .manager()
      .query<Array<{ number: string }>>(`SELECT nextval('progress_report_number')::text AS number`);
    return `RAP-${createdAt.getUTCFullYear()}-${number.padStart(6, '0')}`;
  }
}
