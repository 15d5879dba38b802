import type { DataCategory } from '../lib/data-categories';
import type { ReportRecipientType } from '../lib/report-content';
import type { TrajectoryType } from '../lib/trajectory-types';
import type { DisclosureChannel, ReportReviewStatus } from './disclosures';
import type { DossierEntryKind } from './dossier';

export const REPORT_STATUSES = ['draft', 'sent'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: 'Concept',
  sent: 'Verzonden en gearchiveerd',
};

export const REPORT_ORIGINS = ['file', 'management_export'] as const;
export type ReportOrigin = (typeof REPORT_ORIGINS)[number];

/** A progress entry or decision as it stands in the report. */
export interface ReportEntry {
  readonly occurredOn: string;
  readonly kind: DossierEntryKind;
  readonly category: DataCategory;
  readonly title: string;
  readonly body: string | null;
  /** R-HUM-01: the person who took a decision. */
  readonly decidedBy: string | null;
}

/** One trajectory's section: goals, progress, decisions with who took them, next steps. */
export interface ReportTrajectorySection {
  readonly trajectoryId: string;
  readonly type: TrajectoryType;
  readonly typeLabel: string;
  readonly legalBasis: string;
  readonly startDate: string;
  readonly closedOn: string | null;
  readonly coachName: string | null;
  /** R-SHARE-07: the reporting agreement, whose purpose is the goal the report speaks to. */
  readonly goal: string;
  readonly frequency: string;
  readonly categories: readonly DataCategory[];
  readonly grounds: readonly string[];
  readonly progress: readonly ReportEntry[];
  readonly decisions: readonly ReportEntry[];
  /** R-MED-03: the outcome and advice of an arbeidsdiagnose, never its research. */
  readonly outcome: {
    readonly conclusion: string;
    readonly advice: string;
    readonly finalizedOn: string;
  } | null;
  readonly nextSteps: string | null;
}

/**
 * Everything the PDF shows, stored with the report: rendering the same content again gives the
 * same PDF (only the creation moment would differ, and that is stored too).
 */
export interface ProgressReportContent {
  readonly reference: string;
  readonly organisation: string;
  readonly createdAt: string;
  readonly authorName: string;
  readonly client: {
    readonly name: string;
    readonly dateOfBirth: string | null;
    /** Full only for recipients keyed by it (UWV, the municipality); masked otherwise. */
    readonly bsn: string | null;
  };
  readonly recipient: {
    readonly type: ReportRecipientType;
    readonly label: string;
    readonly organisation: string;
    readonly person: string | null;
  };
  readonly period: { readonly start: string; readonly end: string };
  readonly sections: readonly ReportTrajectorySection[];
}

export interface ProgressReportView {
  readonly id: string;
  readonly reference: string;
  readonly clientId: string;
  readonly trajectoryIds: readonly string[];
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly recipientType: ReportRecipientType;
  readonly recipientOrganisation: string;
  readonly recipientPerson: string | null;
  readonly categories: readonly DataCategory[];
  readonly status: ReportStatus;
  readonly origin: ReportOrigin;
  readonly reviewStatus: ReportReviewStatus;
  readonly shownToClientOn: string | null;
  readonly createdAt: string;
  readonly createdByName: string;
  readonly sentAt: string | null;
  readonly sentByName: string | null;
  readonly channel: DisclosureChannel | null;
  /** SHA-256 of the stored content (hex); the same for every rendering. */
  readonly contentSha256: string;
  /** SHA-256 of the PDF as sent (hex); rendering the report again gives the same bytes. */
  readonly pdfSha256: string | null;
  readonly disclosureIds: readonly string[];
}

export interface ReportNextSteps {
  readonly trajectoryId: string;
  readonly text: string;
}

export interface CreateProgressReportRequest {
  readonly trajectoryIds: readonly string[];
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly recipientType: ReportRecipientType;
  /** Defaults to the reporting agreement's recipient of the first trajectory (R-SHARE-07). */
  readonly recipientOrganisation?: string;
  readonly recipientPerson?: string;
  readonly nextSteps?: readonly ReportNextSteps[];
}

export interface SendProgressReportRequest {
  readonly channel: DisclosureChannel;
}

export interface ReportExportRequest {
  readonly clientIds: readonly string[];
  readonly recipientType: ReportRecipientType;
  readonly periodStart: string;
  readonly periodEnd: string;
}

export interface ReportExportView {
  readonly id: string;
  readonly total: number;
  readonly done: number;
  readonly status: 'running' | 'completed';
  readonly reportIds: readonly string[];
  /** Clients without a report, with the reason (no trajectory in the period, nothing reportable). */
  readonly skipped: readonly { readonly clientId: string; readonly reason: string }[];
}
