import { type DataCategory } from '@werkpad/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One changed field: who, when, old -> new. Kept beside the audit log rather than in it, so the
 * log holds no more personal data than needed to identify the access (R-AUD-04); the row carries
 * the request id of the audit row that records the change.
 */
@Entity({ name: 'field_change' })
export class FieldChangeRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'text' })
  field: string;

  @Column({ type: 'text' })
  category: DataCategory;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue: string | null;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz', insert: false, update: false })
  changedAt: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
