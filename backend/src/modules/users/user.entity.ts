import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A staff account (never a client). Schema: db/migrations/*-CreateUsersAndSessions.ts. */
@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: string[];

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'failed_login_count', type: 'integer' })
  failedLoginCount: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
