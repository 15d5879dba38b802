import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { numericColumn } from './numeric.transformer';

/** Hours worked in one month of an employment; one record per employment and month. */
@Entity({ name: 'hours_record' })
export class HoursRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employment_id', type: 'uuid' })
  employmentId: string;

  /** The first day of the month. */
  @Column({ type: 'date' })
  month: string;

  @Column({ name: 'hours_worked', type: 'numeric', transformer: numericColumn })
  hoursWorked: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
