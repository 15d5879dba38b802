import type { ConsentPurpose } from '../lib/consent-purposes';

/**
 * The Expertisecentrum (RULES.md §3). Medical records stay inside it (R-MED-01, R-MED-06); the
 * outcome/advice and the functional capabilities are what may go out (R-MED-02, R-MED-03, R-MED-05).
 */

export const MEDICAL_RECORD_KINDS = [
  'diagnosis',
  'gp_information',
  'specialist_information',
  'bedrijfsarts_report',
  'research_note',
  'test_result',
] as const;
export type MedicalRecordKind = (typeof MEDICAL_RECORD_KINDS)[number];

export const MEDICAL_RECORD_KIND_LABELS: Readonly<Record<MedicalRecordKind, string>> = {
  diagnosis: 'Diagnose',
  gp_information: 'Informatie van de huisarts',
  specialist_information: 'Informatie van een specialist',
  bedrijfsarts_report: 'Rapport van de bedrijfsarts',
  research_note: 'Onderzoeksnotitie',
  test_result: 'Testuitslag',
};

export const CARE_PROVIDER_KINDS = ['huisarts', 'specialist', 'bedrijfsarts', 'other'] as const;
export type CareProviderKind = (typeof CARE_PROVIDER_KINDS)[number];

export const CARE_PROVIDER_KIND_LABELS: Readonly<Record<CareProviderKind, string>> = {
  huisarts: 'Huisarts',
  specialist: 'Medisch specialist',
  bedrijfsarts: 'Bedrijfsarts',
  other: 'Andere zorgverlener of hulpverlener',
};

export const FUNCTIONAL_CAPABILITY_SOURCES = [
  'expertisecentrum',
  'bedrijfsarts',
  'arbeidsdeskundige',
  'trajectbegeleider',
] as const;
export type FunctionalCapabilitySource = (typeof FUNCTIONAL_CAPABILITY_SOURCES)[number];

export const FUNCTIONAL_CAPABILITY_SOURCE_LABELS: Readonly<Record<FunctionalCapabilitySource, string>> = {
  expertisecentrum: 'Expertisecentrum',
  bedrijfsarts: 'Bedrijfsarts',
  arbeidsdeskundige: 'Arbeidsdeskundige',
  trajectbegeleider: 'Trajectbegeleider',
};

/** The consents the Expertisecentrum works with, shown as status in its workspace. */
export const EXPERTISE_CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'expertise_research',
  'gp_data_request',
  'health_to_commissioner',
];

/** GET /api/expertise/trajectories: the signed-in expertise user's own arbeidsdiagnose trajectories. */
export interface ExpertiseTrajectorySummary {
  readonly trajectoryId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly status: 'open' | 'closed';
  readonly startDate: string;
  readonly closedOn: string | null;
  readonly coachName: string | null;
  readonly outcomeStatus: OutcomeStatus | null;
  /** RULES.md §2: the arbeidsdiagnose dossier 2 years after closure; null while open. */
  readonly dossierDestructionDate: string | null;
  /** Medical records 15 years after closure, independent of the rest; null while open. */
  readonly medicalDestructionDate: string | null;
}

/** GET /api/expertise/trajectories/:trajectoryId: the workspace header. */
export interface ExpertiseTrajectoryDetail extends ExpertiseTrajectorySummary {
  readonly legalBasis: string;
  readonly clientDateOfBirth: string;
  /** Per consent purpose of EXPERTISE_CONSENT_PURPOSES: the valid consent today, if any. */
  readonly consents: readonly ExpertiseConsentStatus[];
}

export interface ExpertiseConsentStatus {
  readonly purpose: ConsentPurpose;
  readonly valid: boolean;
  readonly consentId: string | null;
  readonly givenOn: string | null;
  readonly recipient: string | null;
}

/** PUT /api/trajectories/:id/expertise-assignment (functional administrator). */
export interface ExpertiseAssignmentRequest {
  /** An active user with the expertise role, or null to unassign. */
  readonly expertiseUserId: string | null;
}

/** A medical record as the assigned expertise user sees it (decrypted in the medical module only). */
export interface MedicalRecordView {
  readonly id: string;
  readonly trajectoryId: string;
  readonly clientId: string;
  readonly kind: MedicalRecordKind;
  readonly recordedOn: string;
  readonly title: string;
  readonly body: string;
  /** Where the information came from (GP, specialist, bedrijfsarts), if anywhere. */
  readonly source: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  readonly updatedBy: string | null;
  readonly updatedByName: string | null;
  readonly updatedAt: string | null;
}

export interface CreateMedicalRecordRequest {
  readonly kind: MedicalRecordKind;
  readonly recordedOn: string;
  readonly title: string;
  readonly body: string;
  readonly source?: string;
}

/** An edit names the version it started from, so a concurrent edit is refused (409), not lost. */
export interface UpdateMedicalRecordRequest {
  readonly expectedVersion: number;
  readonly kind?: MedicalRecordKind;
  readonly recordedOn?: string;
  readonly title?: string;
  readonly body?: string;
  readonly source?: string | null;
}

/** An earlier version of a medical record (its history). */
export interface MedicalRecordVersionView {
  readonly version: number;
  readonly kind: MedicalRecordKind;
  readonly recordedOn: string;
  readonly title: string;
  readonly body: string;
  readonly source: string | null;
  readonly writtenBy: string;
  readonly writtenByName: string;
  readonly writtenAt: string;
  readonly supersededBy: string;
  readonly supersededByName: string;
  readonly supersededAt: string;
}

/** R-MED-04: a data request to a GP or other care provider, registered after written consent. */
export interface CareProviderRequestView {
  readonly id: string;
  readonly trajectoryId: string;
  readonly providerKind: CareProviderKind;
  readonly provider: string;
  readonly question: string;
  readonly consentId: string;
  readonly requestedOn: string;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly createdAt: string;
}

export interface CreateCareProviderRequest {
  readonly providerKind: CareProviderKind;
  readonly provider: string;
  readonly question: string;
  readonly requestedOn: string;
}

export type OutcomeStatus = 'draft' | 'final';

/** R-MED-02, R-MED-03: the outcome/advice, the only product that leaves the Expertisecentrum. */
export interface DiagnosisOutcomeView {
  readonly id: string;
  readonly trajectoryId: string;
  readonly clientId: string;
  readonly conclusion: string;
  readonly advice: string;
  readonly status: OutcomeStatus;
  readonly version: number;
  readonly createdByName: string;
  readonly updatedAt: string | null;
  readonly finalizedByName: string | null;
  readonly finalizedAt: string | null;
  readonly sentToClientOn: string | null;
}

export interface SaveDiagnosisOutcomeRequest {
  readonly conclusion: string;
  readonly advice: string;
  /** Absent for the first save; afterwards the version the edit started from. */
  readonly expectedVersion?: number;
}

export interface FinalizeDiagnosisOutcomeRequest {
  readonly expectedVersion: number;
  readonly confirm: true;
}

/** R-MED-03: the client receives the outcome too. */
export interface OutcomeSentToClientRequest {
  readonly sentOn: string;
}

/** R-MED-05: what the client can and cannot do in relation to work; never a diagnosis. */
export interface FunctionalCapabilityView {
  readonly id: string;
  readonly clientId: string;
  readonly trajectoryId: string | null;
  readonly canDo: string;
  readonly cannotDo: string;
  readonly hoursPerWeek: number | null;
  readonly adjustments: string | null;
  readonly assessedOn: string;
  readonly validUntil: string | null;
  readonly source: FunctionalCapabilitySource;
  readonly recordedByName: string;
  readonly recordedAt: string;
}

export interface CreateFunctionalCapabilityRequest {
  readonly canDo: string;
  readonly cannotDo: string;
  readonly hoursPerWeek?: number;
  readonly adjustments?: string;
  readonly assessedOn: string;
  readonly validUntil?: string;
  readonly source: FunctionalCapabilitySource;
  readonly trajectoryId?: string;
}

/** GET /api/expertise/assignments (functional administrator): open arbeidsdiagnoses and who works on them. */
export interface ExpertiseAssignmentRow {
  readonly trajectoryId: string;
  readonly clientId: string;
  /** Identity only: the administrator recognises the person, nothing of the research. */
  readonly clientName: string;
  readonly startDate: string;
  readonly expertiseUserId: string | null;
  readonly expertiseUserName: string | null;
}
