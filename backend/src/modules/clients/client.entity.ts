import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A client of the agency. Schema: db/migrations/*-CreateClients.ts. The BSN is never stored readable. */
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

  @Column({ type: 'text' })
  street: string;

  @Column({ name: 'house_number', type: 'text' })
  houseNumber: string;

  @Column({ type: 'text' })
  postcode: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  coachId: string | null;
}
