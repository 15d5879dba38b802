import { type OutcomeStatus } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outcome/advice of an arbeidsdiagnose (R-MED-02, R-MED-03): what leaves the Expertisecentrum.
 * One per trajectory; a draft until finalised, then immutable apart from the day it was sent to the
 * client (a database trigger enforces both). Schema: db/migrations/*-MedicalIsolation.ts.
 */
@Entity({ name: 'diagnosis_outcome' })
export class DiagnosisOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'trajectory_id', type: 'uuid' })
  trajectoryId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  conclusion: string;

  @Column({ type: 'text' })
  advice: string;

  @Column({ type: 'text' })
  status: OutcomeStatus;

  /** Optimistic locking: an edit names the version it started from (409 when stale). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt: Date | null;

  @Column({ name: 'finalized_by', type: 'uuid', nullable: true })
  finalizedBy: string | null;

  @Column({ name: 'finalized_at', type: 'timestamptz', nullable: true })
  finalizedAt: Date | null;

  @Column({ name: 'sent_to_client_on', type: 'date', nullable: true })
  sentToClientOn: string | null;
}
