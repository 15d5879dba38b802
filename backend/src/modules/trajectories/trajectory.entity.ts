import {
  type DataCategory,
  type ReportingForm,
  type TrajectoryStatus,
  type TrajectoryType,
} from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A trajectory of a client (RULES.md §2). Schema: db/migrations/*-ClientFilesAndTrajectories.ts. */
@Entity({ name: 'trajectory' })
export class Trajectory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  type: TrajectoryType;

  /** Copied from the rule data at the start, so a later change of the rules does not rewrite history. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ type: 'text' })
  status: TrajectoryStatus;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  coachId: string | null;

  @Column({ name: 'income_consultant_id', type: 'uuid', nullable: true })
  incomeConsultantId: string | null;

  /** The Expertisecentrum user working on an arbeidsdiagnose (only that type; a CHECK says so). */
  @Column({ name: 'expertise_user_id', type: 'uuid', nullable: true })
  expertiseUserId: string | null;

  @Column({ name: 'reporting_recipient', type: 'text' })
  reportingRecipient: string;

  @Column({ name: 'reporting_categories', type: 'text', array: true })
  reportingCategories: DataCategory[];

  @Column({ name: 'reporting_form', type: 'text' })
  reportingForm: ReportingForm;

  @Column({ name: 'reporting_purpose', type: 'text' })
  reportingPurpose: string;

  @Column({ name: 'reporting_frequency', type: 'text' })
  reportingFrequency: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
