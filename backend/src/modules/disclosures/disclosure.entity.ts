import {
  type DataCategory,
  type DisclosureChannel,
  type DisclosurePackage,
  type RecipientType,
  type ReportReviewStatus,
} from '@werkpad/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One disclosure in the register (R-SHARE-01). Schema: db/migrations/*-ConsentsAndDisclosures.ts.
 * Append-only: the app role may change only the client's review of a report (R-SHARE-06).
 */
@Entity({ name: 'disclosure' })
export class Disclosure {
  /** Chosen before the insert: the package names it, and its digest covers it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'trajectory_id', type: 'uuid' })
  trajectoryId: string;

  @Column({ name: 'recipient_type', type: 'text' })
  recipientType: RecipientType;

  @Column({ name: 'recipient_organisation', type: 'text' })
  recipientOrganisation: string;

  @Column({ name: 'recipient_person', type: 'text', nullable: true })
  recipientPerson: string | null;

  @Column({ name: 'recipient_country', type: 'text' })
  recipientCountry: string;

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'text' })
  channel: DisclosureChannel;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId: string;

  @Column({ name: 'rule_version', type: 'text' })
  ruleVersion: string;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId: string | null;

  @Column({ name: 'disclosed_by', type: 'uuid' })
  disclosedBy: string;

  @Column({ name: 'disclosed_at', type: 'timestamptz' })
  disclosedAt: Date;

  @Column({ type: 'bytea' })
  digest: Buffer;

  @Column({ type: 'jsonb' })
  package: DisclosurePackage;

  @Column({ name: 'is_report', type: 'boolean' })
  isReport: boolean;

  @Column({ name: 'review_status', type: 'text', nullable: true })
  reviewStatus: ReportReviewStatus | null;

  @Column({ name: 'shown_to_client_on', type: 'date', nullable: true })
  shownToClientOn: string | null;
}
