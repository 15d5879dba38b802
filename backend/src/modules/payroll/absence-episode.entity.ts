import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An absence episode: dates only. A reason would be medical and has no column (R-MED-01). */
@Entity({ name: 'absence_episode' })
export class AbsenceEpisode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employment_id', type: 'uuid' })
  employmentId: string;

  @Column({ name: 'first_day', type: 'date' })
  firstDay: string;

  @Column({ name: 'last_day', type: 'date', nullable: true })
  lastDay: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
