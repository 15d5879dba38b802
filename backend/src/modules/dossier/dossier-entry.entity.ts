import { type CorrespondenceDirection, type DataCategory, type DossierEntryKind } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the dossier (R-REP-02). Each belongs to a trajectory and exactly one category. */
@Entity({ name: 'dossier_entry' })
export class DossierEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'trajectory_id', type: 'uuid' })
  trajectoryId: string;

  @Column({ type: 'text' })
  kind: DossierEntryKind;

  @Column({ type: 'text' })
  category: DataCategory;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  /** R-HUM-01: required for decisions (also by a CHECK constraint). */
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'correspondence_direction', type: 'text', nullable: true })
  correspondenceDirection: CorrespondenceDirection | null;

  @Column({ type: 'text', nullable: true })
  counterparty: string | null;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;
}
