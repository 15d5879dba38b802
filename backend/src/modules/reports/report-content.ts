import { createHash } from 'node:crypto';

import {
  type DataCategory,
  FULL_BSN_RECIPIENT_TYPES,
  maskBsn,
  type ProgressReportContent,
  type RecipientType,
  REPORT_RECIPIENT_LABELS,
  type ReportCategorySelection,
  type ReportEntry,
  type ReportRecipientType,
  type ReportTrajectorySection,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';

import { type Client } from '../clients/client.entity';
import { canonicalJson } from '../disclosures/disclosure-package';
import { type DossierEntry } from '../dossier/dossier-entry.entity';
import { type DiagnosisOutcome } from '../expertise/diagnosis-outcome.entity';
import { type Trajectory } from '../trajectories/trajectory.entity';

/** The dossier entries a report is made of: progress, instruments used and decisions. */
export const REPORTED_ENTRY_KINDS = ['progress', 'instrument', 'decision'] as const;

/** One trajectory's loaded material, already limited to the selected categories and the period. */
export interface TrajectoryMaterial {
  readonly trajectory: Trajectory;
  readonly coachName: string | null;
  readonly selection: ReportCategorySelection;
  readonly entries: readonly DossierEntry[];
  readonly outcome: DiagnosisOutcome | null;
  readonly nextSteps: string | null;
}

export interface ReportMaterial {
  readonly reference: string;
  readonly organisation: string;
  readonly createdAt: Date;
  readonly authorName: string;
  readonly client: Client;
  readonly decryptBsn: () => string;
  readonly recipient: {
    readonly type: ReportRecipientType;
    readonly organisation: string;
    readonly person: string | null;
  };
  readonly period: { readonly start: string; readonly end: string };
  readonly trajectories: readonly TrajectoryMaterial[];
}

function toEntry(entry: DossierEntry): ReportEntry {
  return {
    occurredOn: entry.occurredOn,
    kind: entry.kind,
    category: entry.category,
    title: entry.title,
    body: entry.body,
    decidedBy: entry.decidedBy,
  };
}

function section(material: TrajectoryMaterial): ReportTrajectorySection {
  const { trajectory, selection } = material;
  const allowed = new Set<DataCategory>(selection.categories);
  const entries = material.entries.filter((entry) => allowed.has(entry.category));
  const outcome =
    allowed.has('diagnosis_outcome') && material.outcome?.status === 'final' && material.outcome.finalizedAt
      ? {
          conclusion: material.outcome.conclusion,
          advice: material.outcome.advice,
          finalizedOn: material.outcome.finalizedAt.toISOString().slice(0, 10),
        }
      : null;
  return {
    trajectoryId: trajectory.id,
    type: trajectory.type,
    typeLabel: TRAJECTORY_TYPE_RULES[trajectory.type].label,
    legalBasis: trajectory.legalBasis,
    startDate: trajectory.startDate,
    closedOn: trajectory.closedOn,
    coachName: material.coachName,
    goal: trajectory.reportingPurpose,
    frequency: trajectory.reportingFrequency,
    categories: selection.categories,
    grounds: selection.grounds,
    progress: entries.filter((entry) => entry.kind !== 'decision').map(toEntry),
    decisions: entries.filter((entry) => entry.kind === 'decision').map(toEntry),
    outcome,
    nextSteps: material.nextSteps,
  };
}

/**
 * What the report shows (R-REP-01): per trajectory only the categories its selection allows, and
 * of the client only what identity allows. The BSN goes in full only to recipients keyed by it.
 */
export function buildReportContent(material: ReportMaterial): ProgressReportContent {
  const sections = material.trajectories.map(section);
  const identity = sections.some((part) => part.categories.includes('identity'));
  const { client, recipient } = material;
  const fullBsn = FULL_BSN_RECIPIENT_TYPES.includes(recipient.type as RecipientType);
  return {
    reference: material.reference,
    organisation: material.organisation,
    createdAt: material.createdAt.toISOString(),
    authorName: material.authorName,
    client: {
      name: identity ? `${client.firstName} ${client.lastName}` : 'Zie het kenmerk van deze rapportage',
      dateOfBirth: identity ? client.dateOfBirth : null,
      bsn: identity ? (fullBsn ? material.decryptBsn() : maskBsn(material.decryptBsn())) : null,
    },
    recipient: {
      type: recipient.type,
      label: REPORT_RECIPIENT_LABELS[recipient.type],
      organisation: recipient.organisation,
      person: recipient.person,
    },
    period: material.period,
    sections,
  };
}

/** SHA-256 of the content's canonical JSON: the same content always gives the same digest. */
export function contentDigest(content: ProgressReportContent): Buffer {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest();
}

/** The union of the sections' categories, as stored on the report. */
export function reportedCategories(content: ProgressReportContent): DataCategory[] {
  return [...new Set(content.sections.flatMap((part) => part.categories))];
}
