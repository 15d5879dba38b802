/** Payroll data of clients employed under WSW / beschut werk or with loonkostensubsidie (category `payroll`). */
export interface EmploymentView {
  readonly id: string;
  readonly clientId: string;
  readonly employerName: string;
  /** The client works for an inlener (placement) rather than for the employer directly. */
  readonly isInlener: boolean;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly contractHoursPerWeek: number;
  /** Gross monthly salary in euro cents. */
  readonly grossMonthlySalaryCents: number;
}

export interface HoursRecordView {
  readonly id: string;
  readonly employmentId: string;
  /** First day of the month the hours belong to. */
  readonly month: string;
  readonly hoursWorked: number;
}

/** An absence episode: dates only. The reason is medical and never recorded here (R-MED-01). */
export interface AbsenceEpisodeView {
  readonly id: string;
  readonly employmentId: string;
  readonly firstDay: string;
  readonly lastDay: string | null;
}

export interface LoonwaardeView {
  readonly id: string;
  readonly clientId: string;
  readonly assessedOn: string;
  /** Loonwaarde as a percentage of the minimum wage (0-100). */
  readonly percentage: number;
  readonly method: string;
  /** R-HUM-01: the person who assessed it. */
  readonly assessedBy: string;
}

export const LKS_STATUSES = ['aangevraagd', 'toegekend', 'afgewezen'] as const;
export type LksStatus = (typeof LKS_STATUSES)[number];

export interface LksApplicationView {
  readonly id: string;
  readonly clientId: string;
  readonly appliedOn: string;
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly status: LksStatus;
  readonly amountCents: number | null;
}

/**
 * The trajectories that make the agency the client's employer (beschut werk, loonkostensubsidie):
 * payroll needs them to disclose to UWV or the Belastingdienst, without reading the coach's file.
 */
export interface EmploymentTrajectory {
  readonly id: string;
  readonly type: 'beschut_werk' | 'loonkostensubsidie';
  readonly status: 'open' | 'closed';
  readonly startDate: string;
  readonly closedOn: string | null;
}

export interface PayrollFile {
  readonly employmentTrajectories: readonly EmploymentTrajectory[];
  readonly employments: readonly EmploymentView[];
  readonly hours: readonly HoursRecordView[];
  readonly absences: readonly AbsenceEpisodeView[];
  readonly loonwaarde: readonly LoonwaardeView[];
  readonly lksApplications: readonly LksApplicationView[];
}

/** Request bodies of the payroll endpoints. Dates are ISO `YYYY-MM-DD`; an end date is never before its start. */
export interface CreateEmploymentRequest {
  readonly employerName: string;
  readonly isInlener: boolean;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  /** More than 0, at most 40, one decimal. */
  readonly contractHoursPerWeek: number;
  readonly grossMonthlySalaryCents: number;
}

/** Only these may change once an employment is recorded; `endDate: null` reopens it. */
export interface UpdateEmploymentRequest {
  readonly jobTitle?: string;
  readonly endDate?: string | null;
  readonly contractHoursPerWeek?: number;
  readonly grossMonthlySalaryCents?: number;
}

export interface CreateHoursRecordRequest {
  /** The first day of the month, `YYYY-MM-01`; one record per employment and month. */
  readonly month: string;
  /** 0 to 300, one decimal. */
  readonly hoursWorked: number;
}

/** Dates only: no reason, diagnosis or note (R-MED-01); the API refuses any other field. */
export interface CreateAbsenceEpisodeRequest {
  readonly firstDay: string;
  readonly lastDay?: string | null;
}

export interface CreateLoonwaardeRequest {
  readonly assessedOn: string;
  readonly percentage: number;
  readonly method: string;
  /** R-HUM-01: required. */
  readonly assessedBy: string;
}

export interface CreateLksApplicationRequest {
  readonly appliedOn: string;
  readonly periodStart: string;
  readonly periodEnd?: string | null;
  readonly status: LksStatus;
  readonly amountCents?: number | null;
}

export interface UpdateLksApplicationRequest {
  readonly status?: LksStatus;
  readonly amountCents?: number | null;
}

export const LKS_STATUS_LABELS: Readonly<Record<LksStatus, string>> = {
  aangevraagd: 'Aangevraagd',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
};
