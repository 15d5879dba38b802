import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { numericColumn } from './numeric.transformer';

/** An employment (WSW / beschut werk, or a placement with loonkostensubsidie). Schema: *-CreatePayroll.ts. */
@Entity({ name: 'employment' })
export class Employment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'employer_name', type: 'text' })
  employerName: string;

  @Column({ name: 'is_inlener', type: 'boolean' })
  isInlener: boolean;

  @Column({ name: 'job_title', type: 'text' })
  jobTitle: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'contract_hours_per_week', type: 'numeric', transformer: numericColumn })
  contractHoursPerWeek: number;

  @Column({ name: 'gross_monthly_salary_cents', type: 'integer' })
  grossMonthlySalaryCents: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
