import type {
  CareProviderRequestView,
  DiagnosisOutcomeView,
  ExpertiseTrajectoryDetail,
  ExpertiseTrajectorySummary,
  FunctionalCapabilityView,
  MedicalRecordVersionView,
  MedicalRecordView,
} from '@werkpad/shared';

/** Test data of the Expertisecentrum (issue 5), shaped as the API sends it. */

export const TRAJECTORY_ID = '00000000-0000-4000-8000-0000000000a1';
export const CLIENT_ID = '00000000-0000-4000-8000-0000000000c1';

export function summary(overrides: Partial<ExpertiseTrajectorySummary> = {}): ExpertiseTrajectorySummary {
  return {
    trajectoryId: TRAJECTORY_ID,
    clientId: CLIENT_ID,
    clientName: 'Fatima El Amrani',
    status: 'open',
    startDate: '2026-02-03',
    closedOn: null,
    coachName: 'Carla Coach',
    outcomeStatus: null,
    dossierDestructionDate: null,
    medicalDestructionDate: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<ExpertiseTrajectoryDetail> = {}): ExpertiseTrajectoryDetail {
  return {
    ...summary(),
    legalBasis: 'Participatiewet, WSW, WIA (met instemming van de cliënt)',
    clientDateOfBirth: '1980-02-03',
    consents: [
      { purpose: 'expertise_research', valid: true, consentId: 'k1', givenOn: '2026-02-01', recipient: null },
      { purpose: 'gp_data_request', valid: false, consentId: null, givenOn: null, recipient: null },
      { purpose: 'health_to_commissioner', valid: false, consentId: null, givenOn: null, recipient: null },
    ],
    ...overrides,
  };
}

export function medicalRecord(overrides: Partial<MedicalRecordView> = {}): MedicalRecordView {
  return {
    id: 'm1',
    trajectoryId: TRAJECTORY_ID,
    clientId: CLIENT_ID,
    kind: 'gp_information',
    recordedOn: '2026-03-04',
    title: 'Brief van de huisarts',
    body: 'Synthetische inhoud.',
    source: 'Huisartsenpraktijk De Brink',
    version: 1,
    createdBy: 'u-expertise',
    createdByName: 'Eva Expertise',
    createdAt: '2026-03-04T09:15:00.000Z',
    updatedBy: null,
    updatedByName: null,
    updatedAt: null,
    ...overrides,
  };
}

export function medicalVersion(overrides: Partial<MedicalRecordVersionView> = {}): MedicalRecordVersionView {
  return {
    version: 1,
    kind: 'gp_information',
    recordedOn: '2026-03-04',
    title: 'Brief van de huisarts (eerste versie)',
    body: 'Eerdere inhoud.',
    source: null,
    writtenBy: 'u-expertise',
    writtenByName: 'Eva Expertise',
    writtenAt: '2026-03-04T09:15:00.000Z',
    supersededBy: 'u-expertise',
    supersededByName: 'Eva Expertise',
    supersededAt: '2026-03-05T13:30:00.000Z',
    ...overrides,
  };
}

export function careProviderRequest(
  overrides: Partial<CareProviderRequestView> = {},
): CareProviderRequestView {
  return {
    id: 'r1',
    trajectoryId: TRAJECTORY_ID,
    providerKind: 'huisarts',
    provider: 'Huisartsenpraktijk De Brink, Ede',
    question: 'Belastbaarheid voor fysiek werk',
    consentId: 'k2',
    requestedOn: '2026-03-10',
    requestedBy: 'u-expertise',
    requestedByName: 'Eva Expertise',
    createdAt: '2026-03-10T10:00:00.000Z',
    ...overrides,
  };
}

export function outcome(overrides: Partial<DiagnosisOutcomeView> = {}): DiagnosisOutcomeView {
  return {
    id: 'o1',
    trajectoryId: TRAJECTORY_ID,
    clientId: CLIENT_ID,
    conclusion: 'Kan werken in een rustige omgeving.',
    advice: 'Bemiddeling naar administratief werk, 24 uur per week.',
    status: 'draft',
    version: 3,
    createdByName: 'Eva Expertise',
    updatedAt: '2026-04-01T08:00:00.000Z',
    finalizedByName: null,
    finalizedAt: null,
    sentToClientOn: null,
    ...overrides,
  };
}

export function capability(overrides: Partial<FunctionalCapabilityView> = {}): FunctionalCapabilityView {
  return {
    id: 'f1',
    clientId: CLIENT_ID,
    trajectoryId: null,
    canDo: 'Zittend werk, vier uur per dag',
    cannotDo: 'Zwaar tillen',
    hoursPerWeek: 20,
    adjustments: null,
    assessedOn: '2026-03-15',
    validUntil: '2026-09-15',
    source: 'trajectbegeleider',
    recordedByName: 'Carla Coach',
    recordedAt: '2026-03-15T09:00:00.000Z',
    ...overrides,
  };
}
