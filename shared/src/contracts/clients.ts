import type { DataCategory } from '../lib/data-categories';
import type { TrajectoryType } from '../lib/trajectory-types';

/** Dutch language levels (CEFR, as used by the Wet inburgering). */
export const LANGUAGE_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const INBURGERING_STATUSES = [
  'niet_plichtig',
  'plichtig',
  'in_traject',
  'afgerond',
  'vrijgesteld',
] as const;
export type InburgeringStatus = (typeof INBURGERING_STATUSES)[number];

export const INBURGERING_STATUS_LABELS: Readonly<Record<InburgeringStatus, string>> = {
  niet_plichtig: 'Niet inburgeringsplichtig',
  plichtig: 'Inburgeringsplichtig',
  in_traject: 'In inburgeringstraject',
  afgerond: 'Inburgering afgerond',
  vrijgesteld: 'Vrijgesteld',
};

/** A row in a caseload list: identity with the BSN masked (DEVELOPERS.md, 7). */
export interface ClientSummary {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly bsnMasked: string;
  readonly city: string;
  readonly coachId: string | null;
  readonly coachName: string | null;
  readonly incomeConsultantId: string | null;
  /** Types of the client's open trajectories (category `progress`). */
  readonly openTrajectoryTypes: readonly TrajectoryType[];
}

/** The whole client file as stored; what a user receives is the projection of it (ClientView). */
export interface ClientDetail extends ClientSummary {
  readonly nationality: string | null;
  readonly street: string;
  readonly houseNumber: string;
  readonly postcode: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly dutchLanguageLevel: LanguageLevel | null;
  readonly inburgeringStatus: InburgeringStatus | null;
  readonly drivingLicence: boolean | null;
  readonly transport: string | null;
  readonly availabilityHoursPerWeek: number | null;
  readonly availabilityNotes: string | null;
  readonly cvLink: string | null;
  readonly educationLevel: string | null;
  readonly hasDebts: boolean | null;
  readonly debtNotes: string | null;
  readonly lifeDomainsNotes: string | null;
  readonly functionalLimitations: string | null;
  /** R-CONS-05: noted only with the client's consent; category `religion` (AVG art. 9). */
  readonly religiousFunction: string | null;
  /** Bank account, masked like the BSN; category `payroll`. */
  readonly ibanMasked: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What the API actually returns for a client: the fields of the data categories the user may see
 * of that client (CLIENT_FIELD_CATEGORIES); fields of other categories are absent, never empty.
 * `categories` names what was shown, so the UI can say what it is not showing.
 */
export type ClientView = Partial<ClientDetail> &
  Pick<ClientDetail, 'id' | 'coachId' | 'incomeConsultantId'> & {
    /** The categories of which fields are in this response (also what the audit row names). */
    readonly categories?: readonly string[];
    /** Only on the file (GET /clients/:id): every category the caller may read of this client. */
    readonly readableCategories?: readonly DataCategory[];
  };

/** Writable client fields (create requires the identity and address fields). */
export interface ClientWrite {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly dateOfBirth?: string;
  readonly bsn?: string;
  readonly nationality?: string | null;
  readonly street?: string;
  readonly houseNumber?: string;
  readonly postcode?: string;
  readonly city?: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly dutchLanguageLevel?: LanguageLevel | null;
  readonly inburgeringStatus?: InburgeringStatus | null;
  readonly drivingLicence?: boolean | null;
  readonly transport?: string | null;
  readonly availabilityHoursPerWeek?: number | null;
  readonly availabilityNotes?: string | null;
  readonly cvLink?: string | null;
  readonly educationLevel?: string | null;
  readonly hasDebts?: boolean | null;
  readonly debtNotes?: string | null;
  readonly lifeDomainsNotes?: string | null;
  readonly functionalLimitations?: string | null;
  /** R-CONS-05: refused without a valid `religious_function` consent; clearing it is always allowed. */
  readonly religiousFunction?: string | null;
  readonly iban?: string | null;
}

/** Admin's caseload assignment (no file content). */
export interface ClientAssignment {
  readonly coachId?: string | null;
  readonly incomeConsultantId?: string | null;
}

export const CLIENT_SORTS = ['name', 'dateOfBirth', 'city'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** One recorded change of a client field: who, when, old -> new (sensitive values masked). */
export interface FieldChange {
  readonly id: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly field: string;
  readonly category: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedBy: string;
  readonly changedByName: string;
  readonly changedAt: string;
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Trajectory status as a caseload filter: the client has a trajectory with this status. */
export const CLIENT_STATUS_FILTERS = ['open', 'closed'] as const;
export type ClientStatusFilter = (typeof CLIENT_STATUS_FILTERS)[number];

/** Query of GET /api/clients (caseload and search). */
export interface ClientListQuery {
  /** Name (partial, accent-insensitive) or a full BSN (exact). */
  readonly q?: string;
  readonly page?: number;
  readonly pageSize?: number;
  readonly sort?: ClientSort;
  readonly direction?: SortDirection;
  readonly trajectoryType?: TrajectoryType;
  readonly status?: ClientStatusFilter;
  readonly coachId?: string;
}

/**
 * Roles that can be assigned to a client (caseload assignment, filter dropdowns) or, for `expertise`,
 * to a client's arbeidsdiagnose trajectory (PUT /api/trajectories/:id/expertise-assignment).
 */
export const STAFF_ROLES = ['coach', 'income_consultant', 'expertise'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** An active staff member as offered in assignment and filter dropdowns (name only). */
export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
}

/** The full BSN, answered by POST /api/clients/:id/bsn-reveal only (audited). */
export interface BsnReveal {
  readonly bsn: string;
}
