import { type ConsentForm, type ConsentPurpose, type DataCategory } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One consent (R-CONS-01). Schema: db/migrations/*-ConsentsAndDisclosures.ts. */
@Entity({ name: 'consent' })
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  purpose: ConsentPurpose;

  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column({ name: 'given_on', type: 'date' })
  givenOn: string;

  @Column({ type: 'text' })
  form: ConsentForm;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt: Date;

  @Column({ name: 'evidence_document_id', type: 'uuid', nullable: true })
  evidenceDocumentId: string | null;

  @Column({ name: 'evidence_reference', type: 'text', nullable: true })
  evidenceReference: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn: string | null;

  @Column({ name: 'withdrawn_recorded_by', type: 'uuid', nullable: true })
  withdrawnRecordedBy: string | null;

  @Column({ name: 'withdrawn_recorded_at', type: 'timestamptz', nullable: true })
  withdrawnRecordedAt: Date | null;
}
