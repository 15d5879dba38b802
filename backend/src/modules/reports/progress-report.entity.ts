import {
  type DataCategory,
  type DisclosureChannel,
  type ProgressReportContent,
  type ReportOrigin,
  type ReportRecipientType,
  type ReportReviewStatus,
  type ReportStatus,
} from '@werkpad/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A progress report (issue 8). Schema: db/migrations/*-ProgressReports.ts; the content never changes. */
@Entity({ name: 'progress_report' })
export class ProgressReport {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'trajectory_ids', type: 'uuid', array: true })
  trajectoryIds: string[];

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'recipient_type', type: 'text' })
  recipientType: ReportRecipientType;

  @Column({ name: 'recipient_organisation', type: 'text' })
  recipientOrganisation: string;

  @Column({ name: 'recipient_person', type: 'text', nullable: true })
  recipientPerson: string | null;

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column({ type: 'jsonb' })
  content: ProgressReportContent;

  @Column({ name: 'content_sha256', type: 'bytea' })
  contentSha256: Buffer;

  @Column({ type: 'text' })
  origin: ReportOrigin;

  @Column({ type: 'text' })
  status: ReportStatus;

  @Column({ name: 'review_status', type: 'text' })
  reviewStatus: ReportReviewStatus;

  @Column({ name: 'shown_to_client_on', type: 'date', nullable: true })
  shownToClientOn: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  channel: DisclosureChannel | null;

  @Column({ name: 'pdf_sha256', type: 'bytea', nullable: true })
  pdfSha256: Buffer | null;

  @Column({ name: 'disclosure_ids', type: 'uuid', array: true })
  disclosureIds: string[];

  @Column({ name: 'dossier_entry_id', type: 'uuid', nullable: true })
  dossierEntryId: string | null;
}
