import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A stored document's metadata; its bytes live in `document_content` (loaded only on download). */
@Entity({ name: 'document' })
export class StoredDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'bytea' })
  sha256: Buffer;

  /** R-CONS-04 */
  @Column({ name: 'received_via_whatsapp', type: 'boolean' })
  receivedViaWhatsapp: boolean;

  @Column({ name: 'whatsapp_deleted_on', type: 'date', nullable: true })
  whatsappDeletedOn: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', insert: false, update: false })
  uploadedAt: Date;
}

@Entity({ name: 'document_content' })
export class DocumentContent {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'bytea' })
  content: Buffer;
}
