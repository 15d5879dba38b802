import type { DataCategory } from '../lib/data-categories';
import type { TrajectoryType } from '../lib/trajectory-types';

export const TRAJECTORY_STATUSES = ['open', 'closed'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

export const REPORTING_FORMS = ['written', 'oral'] as const;
export type ReportingForm = (typeof REPORTING_FORMS)[number];

export const REPORTING_FORM_LABELS: Readonly<Record<ReportingForm, string>> = {
  written: 'Schriftelijk',
  oral: 'Mondeling',
};

/** R-SHARE-07: what was agreed at the start of a trajectory about reporting. */
export interface ReportingAgreement {
  readonly recipient: string;
  readonly categories: readonly DataCategory[];
  readonly form: ReportingForm;
  readonly purpose: string;
  readonly frequency: string;
}

export interface TrajectoryView {
  readonly id: string;
  readonly clientId: string;
  readonly type: TrajectoryType;
  readonly legalBasis: string;
  readonly status: TrajectoryStatus;
  readonly startDate: string;
  readonly closedOn: string | null;
  /** R-RET-01: computed from type and closed-on date; null while open. */
  readonly destructionDate: string | null;
  readonly coachId: string | null;
  readonly coachName: string | null;
  readonly incomeConsultantId: string | null;
  readonly incomeConsultantName: string | null;
  readonly reportingAgreement: ReportingAgreement;
  readonly createdAt: string;
}

export interface CreateTrajectoryRequest {
  readonly type: TrajectoryType;
  readonly startDate: string;
  readonly incomeConsultantId?: string | null;
  readonly reportingAgreement: ReportingAgreement;
}

export interface CloseTrajectoryRequest {
  readonly closedOn: string;
  /** The UI asks for confirmation; the API requires the caller to say it was given. */
  readonly confirm: true;
}
