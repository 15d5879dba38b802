import { type InburgeringStatus, type LanguageLevel, type TrajectoryType } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A client of the agency. Schema: db/migrations/*-CreateClients.ts and *-ClientFilesAndTrajectories.ts.
 * The BSN and bank account are never stored readable. `openTrajectoryTypes`, `payrollScope`,
 * `inIntake` and `expertiseUserIds` are kept by a database trigger on `trajectory`, so policies can
 * scope on them in SQL.
 */
@Entity({ name: 'client' })
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ name: 'bsn_encrypted', type: 'bytea' })
  bsnEncrypted: Buffer;

  @Column({ name: 'bsn_blind_index', type: 'bytea' })
  bsnBlindIndex: Buffer;

  @Column({ type: 'text', nullable: true })
  nationality: string | null;

  @Column({ type: 'text' })
  street: string;

  @Column({ name: 'house_number', type: 'text' })
  houseNumber: string;

  @Column({ type: 'text' })
  postcode: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'dutch_language_level', type: 'text', nullable: true })
  dutchLanguageLevel: LanguageLevel | null;

  @Column({ name: 'inburgering_status', type: 'text', nullable: true })
  inburgeringStatus: InburgeringStatus | null;

  @Column({ name: 'driving_licence', type: 'boolean', nullable: true })
  drivingLicence: boolean | null;

  @Column({ type: 'text', nullable: true })
  transport: string | null;

  @Column({ name: 'availability_hours_per_week', type: 'integer', nullable: true })
  availabilityHoursPerWeek: number | null;

  @Column({ name: 'availability_notes', type: 'text', nullable: true })
  availabilityNotes: string | null;

  @Column({ name: 'cv_link', type: 'text', nullable: true })
  cvLink: string | null;

  @Column({ name: 'education_level', type: 'text', nullable: true })
  educationLevel: string | null;

  @Column({ name: 'has_debts', type: 'boolean', nullable: true })
  hasDebts: boolean | null;

  @Column({ name: 'debt_notes', type: 'text', nullable: true })
  debtNotes: string | null;

  @Column({ name: 'life_domains_notes', type: 'text', nullable: true })
  lifeDomainsNotes: string | null;

  @Column({ name: 'functional_limitations', type: 'text', nullable: true })
  functionalLimitations: string | null;

  /** R-CONS-05: only with a valid consent of the client (checked in ClientsService). */
  @Column({ name: 'religious_function', type: 'text', nullable: true })
  religiousFunction: string | null;

  @Column({ name: 'iban_encrypted', type: 'bytea', nullable: true })
  ibanEncrypted: Buffer | null;

  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  coachId: string | null;

  @Column({ name: 'income_consultant_id', type: 'uuid', nullable: true })
  incomeConsultantId: string | null;

  /** Maintained by the trajectory trigger; never written by the application. */
  @Column({ name: 'open_trajectory_types', type: 'text', array: true, insert: false, update: false })
  openTrajectoryTypes: TrajectoryType[];

  @Column({ name: 'payroll_scope', type: 'boolean', insert: false, update: false })
  payrollScope: boolean;

  @Column({ name: 'in_intake', type: 'boolean', insert: false, update: false })
  inIntake: boolean;

  /**
   * The expertise users on the client's arbeidsdiagnose trajectories (issue 5), kept by the same
   * trigger; the Expertisecentrum's client rule scopes on it (`$all`, sql-scope.ts).
   */
  @Column({ name: 'expertise_user_ids', type: 'uuid', array: true, insert: false, update: false })
  expertiseUserIds: string[];

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt: Date;
}
