/**
 * Trajectory types with their legal basis and retention after closure (RULES.md §2, R-RET-01).
 * This is rule data: a change here is a change of the law's reading and is reviewed as such.
 */
export const TRAJECTORY_TYPES = [
  'intake',
  'inburgering',
  'beschut_werk',
  'loonkostensubsidie',
  'jobcoaching',
  'bemiddeling',
  'arbeidsdiagnose',
] as const;

export type TrajectoryType = (typeof TRAJECTORY_TYPES)[number];

export interface TrajectoryTypeRule {
  readonly type: TrajectoryType;
  readonly label: string;
  readonly legalBasis: string;
  readonly retentionYears: 2 | 5 | 10 | 15;
  /** Medical records of this type follow their own period (R-RET-01: 15 years). */
  readonly medicalRetentionYears?: 15;
}

export const TRAJECTORY_TYPE_RULES: Readonly<Record<TrajectoryType, TrajectoryTypeRule>> = {
  intake: {
    type: 'intake',
    label: 'Intake en routebepaling',
    legalBasis: 'Participatiewet',
    retentionYears: 10,
  },
  inburgering: {
    type: 'inburgering',
    label: 'Werk- en Participatiemodule',
    legalBasis: 'Wet inburgering',
    retentionYears: 5,
  },
  beschut_werk: {
    type: 'beschut_werk',
    label: 'Beschut werk / WSW-dienstverband',
    legalBasis: 'WSW, Participatiewet, Wet Poortwachter, Arbowet, fiscale wetgeving',
    retentionYears: 10,
  },
  loonkostensubsidie: {
    type: 'loonkostensubsidie',
    label: 'Loonkostensubsidie en loonwaarde',
    legalBasis: 'Participatiewet',
    retentionYears: 10,
  },
  jobcoaching: {
    type: 'jobcoaching',
    label: 'Jobcoaching',
    legalBasis: 'Participatiewet',
    retentionYears: 10,
  },
  bemiddeling: {
    type: 'bemiddeling',
    label: 'Bemiddeling naar betaald werk',
    legalBasis: 'Participatiewet',
    retentionYears: 10,
  },
  arbeidsdiagnose: {
    type: 'arbeidsdiagnose',
    label: 'Expertisecentrum: arbeidsdiagnose',
    legalBasis: 'Participatiewet, WSW, WIA (met instemming van de cliënt)',
    retentionYears: 2,
    medicalRetentionYears: 15,
  },
};
