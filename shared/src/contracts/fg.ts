import type { SecondFactorResetNotice } from './users';
import type { DataCategory } from '../lib/data-categories';
import type { Role } from '../lib/roles';
import type { TrajectoryType } from '../lib/trajectory-types';
import type { AuditAction, AuditResult } from './audit';

/**
 * The FG's workplace (RULES.md §7, R-AUD-01..05; NEN 7513): access-log search, a client's access
 * overview, unusual access, emergency access, tamper evidence, breaches, the processing register.
 * The FG sees log metadata, never dossier content.
 */

export const AUDIT_GROUND_KINDS = [
  'role_policy',
  'legal_basis',
  'consent',
  'trajectory',
  'authentication',
  'emergency',
] as const;
export type AuditGroundKind = (typeof AUDIT_GROUND_KINDS)[number];

export const AUDIT_GROUND_KIND_LABELS: Readonly<Record<AuditGroundKind, string>> = {
  role_policy: 'Rol en autorisatiebeleid',
  legal_basis: 'Wettelijke grondslag',
  consent: 'Toestemming',
  trajectory: 'Traject',
  authentication: 'Aanmelding',
  emergency: 'Noodtoegang',
};

export interface AuditGroundView {
  readonly kind: AuditGroundKind;
  readonly reference: string;
}

/** GET /api/access-log: the FG's search (all filters optional; dates are Dutch calendar days). */
export interface AccessLogQuery {
  readonly clientId?: string;
  readonly userId?: string;
  readonly role?: Role;
  readonly action?: AuditAction;
  readonly category?: DataCategory;
  readonly result?: AuditResult;
  readonly groundKind?: AuditGroundKind;
  readonly from?: string;
  readonly to?: string;
  /** Newest first unless 'asc'. */
  readonly order?: 'asc' | 'desc';
  readonly page?: number;
  readonly pageSize?: number;
}

/** One row of the access log as the FG sees it: metadata only. */
export interface AccessLogEntry {
  readonly seq: string;
  readonly occurredAt: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly roles: readonly string[];
  readonly subjectClientIds: readonly string[];
  readonly objectType: string;
  readonly objectId: string | null;
  readonly categories: readonly string[];
  readonly action: string;
  readonly result: AuditResult;
  readonly ground: AuditGroundView | null;
  readonly route: string | null;
  readonly httpStatus: number | null;
  /** Made under emergency access (break-the-glass). */
  readonly emergency: boolean;
}

/** GET /api/access-log/clients/:clientId: who looked at this client, NEN 7513 style, oldest first. */
export interface ClientAccessOverviewEntry {
  readonly occurredAt: string;
  /** The organisation unit the role belongs to (e.g. "Expertisecentrum", "Gemeente – inkomen"). */
  readonly organisationUnit: string;
  readonly roles: readonly string[];
  readonly userId: string | null;
  readonly userName: string | null;
  readonly categories: readonly string[];
  readonly action: string;
  readonly result: AuditResult;
  readonly ground: AuditGroundView | null;
  readonly emergency: boolean;
}

export interface ClientAccessOverview {
  readonly clientId: string;
  readonly entries: readonly ClientAccessOverviewEntry[];
  /** The total number of log rows about the client; `entries` holds at most 1000, oldest first. */
  readonly total: number;
}

export const FINDING_KINDS = ['outside_scope', 'denied', 'many_clients', 'off_hours', 'emergency'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  outside_scope: 'Toegang buiten caseload of toewijzing',
  denied: 'Geweigerde poging',
  many_clients: 'Ongewoon veel cliënten op één dag',
  off_hours: 'Toegang buiten kantoortijden',
  emergency: 'Noodtoegang',
};

/** GET /api/findings?kind=&reviewed=&from=&to=&page=&pageSize= */
export interface FindingQuery {
  readonly kind?: FindingKind;
  readonly reviewed?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

/** An unusual access, computed from the log; `key` is stable so a review sticks to it. */
export interface Finding {
  readonly key: string;
  readonly kind: FindingKind;
  readonly occurredAt: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly clientIds: readonly string[];
  /** A Dutch sentence saying what was found, without client names or content. */
  readonly description: string;
  readonly auditSeqs: readonly string[];
  readonly review: FindingReview | null;
}

export interface FindingReview {
  readonly reviewedBy: string;
  readonly reviewedByName: string;
  readonly reviewedAt: string;
  readonly note: string;
}

/** PUT /api/findings/review */
export interface ReviewFindingRequest {
  readonly key: string;
  readonly note: string;
}

export const EMERGENCY_REASONS = [
  'danger_to_client_or_others',
  'urgent_benefit_decision',
  'coach_unreachable',
  'crisis_contact',
] as const;
export type EmergencyReason = (typeof EMERGENCY_REASONS)[number];

export const EMERGENCY_REASON_LABELS: Readonly<Record<EmergencyReason, string>> = {
  danger_to_client_or_others: 'Gevaar voor de cliënt of anderen',
  urgent_benefit_decision: 'Spoedeisende beslissing over de uitkering',
  coach_unreachable: 'Eigen trajectbegeleider onbereikbaar bij een dringende vraag',
  crisis_contact: 'Crisiscontact met de cliënt',
};

/** How long emergency access lasts. */
export const EMERGENCY_ACCESS_MINUTES = 60;

/**
 * POST /api/emergency-access: open a client outside one's scope (never medical records), found by
 * exact BSN so that no list of other clients is ever shown.
 */
export interface EmergencyAccessRequest {
  readonly bsn: string;
  readonly reason: EmergencyReason;
  readonly explanation: string;
}

export interface EmergencyAccessGrant {
  readonly id: string;
  readonly clientId: string;
  readonly userId: string;
  readonly reason: EmergencyReason;
  readonly explanation: string;
  readonly startedAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
}

/** A signed checkpoint of the audit chain, kept outside the database (R-AUD-02, BIO2 8.15). */
export interface AuditCheckpointView {
  readonly seq: string;
  readonly rowCount: number;
  readonly headHash: string;
  readonly createdAt: string;
  readonly keyId: string;
  readonly signature: string;
  /** Where the checkpoint was written (a file name, not a path with secrets). */
  readonly location: string;
}

/** GET /api/audit/verify: the chain, and the chain against the latest checkpoint. */
export interface AuditVerificationReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBrokenSeq: string | null;
  readonly reason: string | null;
  readonly checkpoint: {
    readonly seq: string;
    readonly createdAt: string;
    readonly signatureValid: boolean;
    readonly matches: boolean;
    readonly reason: string | null;
  } | null;
}

/** R-AUD-05: a data breach. The deadline to report to the AP is 72 hours after discovery. */
export interface DataBreachView {
  readonly id: string;
  readonly discoveredAt: string;
  readonly description: string;
  readonly categories: readonly DataCategory[];
  readonly peopleAffected: number;
  readonly measures: string;
  readonly reportDeadline: string;
  readonly reportedToApAt: string | null;
  readonly apReference: string | null;
  /** Decided not to report (e.g. no risk for the people concerned), with the reason. */
  readonly notReportedReason: string | null;
  readonly subjectsInformedAt: string | null;
  readonly subjectsNotInformedReason: string | null;
  readonly registeredByName: string;
  readonly registeredAt: string;
  /** Not reported, no decision not to report, and the deadline has passed. */
  readonly overdue: boolean;
}

export interface CreateDataBreachRequest {
  readonly discoveredAt: string;
  readonly description: string;
  readonly categories: readonly DataCategory[];
  readonly peopleAffected: number;
  readonly measures: string;
}

/** PATCH /api/breaches/:id: the follow-up, each part once. */
export interface UpdateDataBreachRequest {
  readonly measures?: string;
  readonly reportedToApAt?: string;
  readonly apReference?: string;
  readonly notReportedReason?: string;
  readonly subjectsInformedAt?: string;
  readonly subjectsNotInformedReason?: string;
}

/** AVG art. 30, generated from the rule data the code enforces. */
export interface ProcessingRegister {
  readonly generatedAt: string;
  readonly sharingRulesVersion: string;
  readonly controller: string;
  readonly activities: readonly ProcessingActivity[];
  readonly securityMeasures: readonly string[];
}

export interface ProcessingActivity {
  readonly trajectoryType: TrajectoryType;
  readonly name: string;
  readonly purposes: readonly string[];
  readonly legalBases: readonly string[];
  readonly dataCategories: readonly DataCategory[];
  readonly recipients: ReadonlyArray<{
    readonly recipient: string;
    readonly categories: readonly DataCategory[];
    readonly ground: string;
  }>;
  readonly consentPurposes: readonly string[];
  readonly retention: string;
}

/** GET /api/fg/dashboard */
export interface FgDashboard {
  readonly accessesPerDay: ReadonlyArray<{
    readonly day: string;
    readonly role: string;
    readonly count: number;
  }>;
  readonly deniedPerDay: ReadonlyArray<{ readonly day: string; readonly count: number }>;
  readonly openFindings: Readonly<Record<FindingKind, number>>;
  readonly openBreaches: number;
  readonly overdueBreaches: number;
  /** Issue 9 (R-DSR-03): open data-subject requests by their deadline (the extended one where extended). */
  readonly dataSubjectRequestsByDeadline: {
    readonly open: number;
    readonly dueWithinSevenDays: number;
    readonly overdue: number;
  };
  /** Issue 7: dossiers whose retention period has passed (not on hold), to go on a destruction list. */
  readonly dossiersDueForDestruction: number;
}

/** Login of a user who needs a second factor (log readers: dpo). */
export interface MfaChallenge {
  readonly mfa: 'enroll' | 'verify';
  /** Short-lived, only good for the MFA routes. */
  readonly mfaToken: string;
}

/** POST /api/auth/mfa/enrollment { mfaToken } */
export interface MfaEnrollment {
  readonly otpauthUrl: string;
  /** A PNG data URL of the QR code. */
  readonly qrCodeDataUrl: string;
  /** The secret for manual entry. */
  readonly secret: string;
  /** Set when functioneel beheer reset the earlier factor: the user can tell whether they asked. */
  readonly lastReset: SecondFactorResetNotice | null;
}

/** POST /api/auth/mfa/verify → TokenResponse */
export interface MfaVerifyRequest {
  readonly mfaToken: string;
  readonly code: string;
}
