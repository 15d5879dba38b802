import { type EmergencyReason } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A break-the-glass grant: one user, one client, a reason, an explanation, at most a few hours. */
@Entity({ name: 'emergency_access' })
export class EmergencyAccessRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  reason: EmergencyReason;

  /** For the FG who reviews the grant; never copied into the audit row (R-AUD-04). */
  @Column({ type: 'text' })
  explanation: string;

  @Column({ name: 'started_at', type: 'timestamptz', insert: false, update: false })
  startedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
