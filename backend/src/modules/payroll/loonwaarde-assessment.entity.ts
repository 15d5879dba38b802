import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A loonwaarde assessment: percentage of the minimum wage, how and by whom it was determined (R-HUM-01). */
@Entity({ name: 'loonwaarde_assessment' })
export class LoonwaardeAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ type: 'integer' })
  percentage: number;

  @Column({ type: 'text' })
  method: string;

  /** The person who determined the loonwaarde, never the system. */
  @Column({ name: 'assessed_by', type: 'text' })
  assessedBy: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
