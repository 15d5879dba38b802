import {
  type DsrChannel,
  type DsrOutcome,
  type DsrStatus,
  type DsrType,
  type IdDocumentType,
} from '@werkpad/shared';
import { ConflictException } from '@nestjs/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A data-subject request (R-DSR-01..05). Schema: db/migrations/*-DataSubjectRequests.ts. */
@Entity({ name: 'dsr_request' })
export class DsrRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reference: string;

  /** Null once the client's dossier is destroyed (migration 1300): the request stays in the register. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ name: 'dossier_ref', type: 'text', nullable: true })
  dossierRef: string | null;

  @Column({ type: 'text' })
  type: DsrType;

  @Column({ type: 'text' })
  channel: DsrChannel;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'processing_objected_to', type: 'text', nullable: true })
  processingObjectedTo: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'extended_due_on', type: 'date', nullable: true })
  extendedDueOn: string | null;

  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ name: 'extended_on', type: 'date', nullable: true })
  extendedOn: string | null;

  @Column({ name: 'extended_by', type: 'uuid', nullable: true })
  extendedBy: string | null;

  @Column({ name: 'id_document_type', type: 'text', nullable: true })
  idDocumentType: IdDocumentType | null;

  @Column({ name: 'id_document_number_end', type: 'text', nullable: true })
  idDocumentNumberEnd: string | null;

  @Column({ name: 'id_seen_on', type: 'date', nullable: true })
  idSeenOn: string | null;

  @Column({ name: 'id_verified_by', type: 'uuid', nullable: true })
  idVerifiedBy: string | null;

  @Column({ type: 'text' })
  status: DsrStatus;

  @Column({ type: 'text', nullable: true })
  outcome: DsrOutcome | null;

  @Column({ name: 'outcome_ground', type: 'text', nullable: true })
  outcomeGround: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

/** The request's client, or 409 when the client's dossier has been destroyed. */
export function livingClientId(request: DsrRequest): string {
  if (request.clientId === null) {
    throw new ConflictException(
      `Het dossier van deze cliënt is vernietigd (${request.dossierRef ?? 'onbekend'}); er zijn geen gegevens of adres meer.`,
    );
  }
  return request.clientId;
}
