import type { TrajectoryType } from '../lib/trajectory-types';

/**
 * Retention and destruction (RULES.md §2, R-RET-01..06; Archiefbesluit art. 8). The periods are
 * data (versioned retention_policy rows), never code. Dates are ISO calendar days (YYYY-MM-DD).
 */

export const RETENTION_PARTS = ['file', 'medical'] as const;
/** 'medical': the medical records of an arbeidsdiagnose, kept apart from its file (R-RET-01). */
export type RetentionPart = (typeof RETENTION_PARTS)[number];

export const RETENTION_PART_LABELS: Readonly<Record<RetentionPart, string>> = {
  file: 'Dossier',
  medical: 'Medische gegevens',
};

/** One version of the period of a trajectory type's part. */
export interface RetentionPolicyView {
  readonly id: string;
  readonly trajectoryType: TrajectoryType;
  readonly part: RetentionPart;
  readonly version: number;
  readonly years: number;
  readonly legalGround: string;
  readonly source: string;
  readonly effectiveFrom: string;
  /** Null for the initial load from RULES.md §2. */
  readonly changedBy: string | null;
  readonly changeReason: string;
}

/** GET /api/retention/policies: the current version of each, and every version before it. */
export interface RetentionPolicies {
  readonly current: readonly RetentionPolicyView[];
  readonly history: readonly RetentionPolicyView[];
}

/** POST /api/retention/policies: a new version (admin); it applies to every date computed from then on. */
export interface ChangeRetentionPolicyRequest {
  readonly trajectoryType: TrajectoryType;
  readonly part: RetentionPart;
  readonly years: number;
  readonly legalGround: string;
  readonly source: string;
  /** Why, at least 10 characters. */
  readonly reason: string;
}

/** A date due for one part of one trajectory (R-RET-01). */
export interface RetentionDate {
  readonly trajectoryId: string;
  readonly trajectoryType: TrajectoryType;
  readonly part: RetentionPart;
  readonly closedOn: string | null;
  /** Null while the trajectory is open. */
  readonly dueOn: string | null;
  readonly policyVersion: number;
  readonly years: number;
}

export const RETENTION_STATES = ['open', 'due_later', 'due_soon', 'due', 'on_hold'] as const;
export type RetentionState = (typeof RETENTION_STATES)[number];

export const RETENTION_STATE_LABELS: Readonly<Record<RetentionState, string>> = {
  open: 'Lopend',
  due_later: 'Later te vernietigen',
  due_soon: 'Binnenkort te vernietigen',
  due: 'Te vernietigen',
  on_hold: 'Vernietiging opgeschort',
};

/**
 * GET /api/clients/:clientId/retention: one client's dates (R-RET-02: the client record goes on the
 * latest date), holds, and state.
 */
export interface ClientRetention {
  readonly clientId: string;
  readonly dates: readonly RetentionDate[];
  /** The latest date of all parts; null while any trajectory is open or the client has none. */
  readonly clientDueOn: string | null;
  readonly state: RetentionState;
  readonly holds: readonly LegalHoldView[];
}

/** GET /api/retention/overview?state=&page=&pageSize= (admin, dpo): dossiers by state. */
export interface RetentionOverviewQuery {
  readonly state?: Exclude<RetentionState, 'open'>;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface RetentionOverviewRow {
  /** admin sees the client id and display name; the FG (dpo) only the pseudonymous reference. */
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly dossierRef: string;
  readonly trajectoryTypes: readonly TrajectoryType[];
  readonly nextDueOn: string | null;
  readonly clientDueOn: string | null;
  readonly state: RetentionState;
}

export interface RetentionOverview {
  readonly counts: Readonly<Record<Exclude<RetentionState, 'open'>, number>>;
  /** Days ahead that count as "due soon". */
  readonly dueSoonDays: number;
  readonly items: readonly RetentionOverviewRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** A legal hold (R-RET-03). */
export interface LegalHoldView {
  readonly id: string;
  readonly clientId: string;
  /** Null: the whole client. */
  readonly trajectoryId: string | null;
  readonly reason: string;
  readonly until: string | null;
  readonly setBy: string;
  readonly setByName: string;
  readonly setAt: string;
  readonly liftedBy: string | null;
  readonly liftedByName: string | null;
  readonly liftedAt: string | null;
  readonly liftReason: string | null;
  readonly active: boolean;
}

/** POST /api/clients/:clientId/legal-holds */
export interface SetLegalHoldRequest {
  readonly trajectoryId?: string;
  readonly reason: string;
  readonly until?: string;
}

/** POST /api/legal-holds/:id/lift */
export interface LiftLegalHoldRequest {
  readonly reason: string;
}

export const DESTRUCTION_LIST_STATUSES = [
  'prepared',
  'reviewed',
  'approved',
  'running',
  'completed',
  'cancelled',
] as const;
export type DestructionListStatus = (typeof DESTRUCTION_LIST_STATUSES)[number];

export const DESTRUCTION_LIST_STATUS_LABELS: Readonly<Record<DestructionListStatus, string>> = {
  prepared: 'Klaargezet',
  reviewed: 'Beoordeeld',
  approved: 'Goedgekeurd',
  running: 'Wordt uitgevoerd',
  completed: 'Uitgevoerd',
  cancelled: 'Vervallen',
};

export const DESTRUCTION_ITEM_STATUSES = ['due', 'excluded', 'held', 'destroyed'] as const;
export type DestructionItemStatus = (typeof DESTRUCTION_ITEM_STATUSES)[number];

export const DESTRUCTION_ITEM_STATUS_LABELS: Readonly<Record<DestructionItemStatus, string>> = {
  due: 'Te vernietigen',
  excluded: 'Uitgezonderd',
  held: 'Opgeschort (bewaarplicht)',
  destroyed: 'Vernietigd',
};

/** What an item covers: one part of one trajectory, no personal data. */
export interface DestructionPart {
  readonly trajectoryType: TrajectoryType;
  readonly part: RetentionPart;
  /** Period covered: the trajectory's start and closing day. */
  readonly startDate: string;
  readonly closedOn: string;
  readonly dueOn: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly years: number;
}

/** What was destroyed for one item (counts only). */
export interface DestructionCounts {
  readonly trajectories: number;
  readonly dossierEntries: number;
  readonly documents: number;
  readonly consents: number;
  readonly disclosures: number;
  readonly payrollRecords: number;
  readonly medicalRecords: number;
  readonly other: number;
  /** Audit rows whose client reference was replaced by the pseudonymous reference. */
  readonly auditRowsPseudonymised: number;
}

export interface DestructionItemView {
  readonly id: string;
  /** Shown to the records manager (admin) while the client exists; null for the FG and after destruction. */
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly dossierRef: string;
  readonly scope: 'client' | 'trajectories';
  readonly parts: readonly DestructionPart[];
  readonly status: DestructionItemStatus;
  readonly excludedReason: string | null;
  readonly destroyedAt: string | null;
  readonly counts: DestructionCounts | null;
}

export interface DestructionListView {
  readonly id: string;
  /** e.g. VV-2026-0007 */
  readonly reference: string;
  readonly asOf: string;
  readonly preparedAt: string;
  readonly status: DestructionListStatus;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly itemCounts: Readonly<Record<DestructionItemStatus, number>>;
  /** Progress while running: destroyed / (due + destroyed). */
  readonly progress: { readonly done: number; readonly total: number };
  readonly hasCertificate: boolean;
  /** A list that carries out an erasure request (issue 9) rather than the periodic destruction. */
  readonly erasureRequest: { readonly id: string; readonly reference: string } | null;
}

/**
 * Endpoints (helper A2):
 * GET  /api/destruction-lists                      → Page<DestructionListView> (admin, dpo)
 * POST /api/destruction-lists                      → 201 DestructionListView (admin; prepares now, as the daily job does; 409 if one is open)
 * GET  /api/destruction-lists/:id                  → DestructionListView
 * GET  /api/destruction-lists/:id/items?status=&page=&pageSize= → Page<DestructionItemView>
 * POST /api/destruction-lists/:id/items/:itemId/exclude { reason } → DestructionItemView (admin, while prepared)
 * POST /api/destruction-lists/:id/review           → DestructionListView (admin: prepared → reviewed)
 * POST /api/destruction-lists/:id/approve          → DestructionListView (dpo, not the reviewer: reviewed → approved)
 * POST /api/destruction-lists/:id/execute          → 202 DestructionListView (admin or dpo: approved → running; resumes a running list)
 * POST /api/destruction-lists/:id/cancel { reason } → DestructionListView (admin, before running)
 * GET  /api/destruction-lists/:id/certificate?format=pdf|json → the verklaring van vernietiging (completed lists)
 */
export interface ExcludeDestructionItemRequest {
  readonly reason: string;
}

/** The verklaring van vernietiging (JSON form; the PDF shows the same). No personal data. */
export interface DestructionCertificate {
  readonly reference: string;
  readonly organisation: string;
  readonly asOf: string;
  readonly preparedAt: string;
  readonly reviewedBy: string;
  readonly reviewedAt: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly method: string;
  readonly ground: string;
  readonly policies: ReadonlyArray<{
    readonly trajectoryType: TrajectoryType;
    readonly part: RetentionPart;
    readonly version: number;
    readonly years: number;
    readonly legalGround: string;
  }>;
  readonly dossiers: ReadonlyArray<{
    readonly dossierRef: string;
    readonly scope: 'client' | 'trajectories';
    readonly parts: readonly DestructionPart[];
    readonly destroyedAt: string;
    readonly counts: DestructionCounts;
  }>;
  readonly excluded: ReadonlyArray<{ readonly dossierRef: string; readonly reason: string }>;
  readonly held: ReadonlyArray<{ readonly dossierRef: string }>;
  readonly totals: DestructionCounts & { readonly dossiers: number };
}

/**
 * GET /api/clients/:clientId/erasure-assessment (R-RET-06), for the data-subject-rights issue:
 * what can be erased now and what the law requires to keep, with the ground.
 */
export interface ErasureAssessment {
  readonly clientId: string;
  readonly assessedOn: string;
  readonly erasableNow: ReadonlyArray<{
    readonly trajectoryId: string | null;
    readonly trajectoryType: TrajectoryType | null;
    readonly part: RetentionPart | 'client';
    readonly reason: string;
  }>;
  readonly mustKeep: ReadonlyArray<{
    readonly trajectoryId: string | null;
    readonly trajectoryType: TrajectoryType | null;
    readonly part: RetentionPart | 'client';
    readonly keepUntil: string | null;
    readonly ground: string;
  }>;
}
