import { type FunctionalCapabilitySource } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { numericColumn } from '../payroll/numeric.transformer';

/**
 * What a client can and cannot do in relation to work (R-MED-05), category `health_functional`.
 * Insert-only history: a new assessment is a new row. There is no field for a diagnosis or the
 * name of a condition, on purpose. Schema: db/migrations/*-MedicalIsolation.ts.
 */
@Entity({ name: 'functional_capability' })
export class FunctionalCapability {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'trajectory_id', type: 'uuid', nullable: true })
  trajectoryId: string | null;

  @Column({ name: 'can_do', type: 'text' })
  canDo: string;

  @Column({ name: 'cannot_do', type: 'text' })
  cannotDo: string;

  @Column({ name: 'hours_per_week', type: 'numeric', nullable: true, transformer: numericColumn })
  hoursPerWeek: number | null;

  @Column({ type: 'text', nullable: true })
  adjustments: string | null;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'text' })
  source: FunctionalCapabilitySource;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt: Date;
}
