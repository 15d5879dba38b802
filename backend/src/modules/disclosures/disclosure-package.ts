import { createHash } from 'node:crypto';

import {
  CLIENT_FIELD_CATEGORIES,
  type ClientDetail,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  type DisclosureChannel,
  type DisclosurePackage,
  type DisclosureRecipient,
  FULL_BSN_RECIPIENT_TYPES,
  IBAN_RECIPIENT_TYPES,
  maskBsn,
  type TrajectoryType,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';

import { type Client } from '../clients/client.entity';
import { todayInAmsterdam } from '../consents/consent-check.service';
import { type DossierEntry } from '../dossier/dossier-entry.entity';
import { type DiagnosisOutcome } from '../expertise/diagnosis-outcome.entity';
import { type FunctionalCapability } from '../expertise/functional-capability.entity';
import { type Employment } from '../payroll/employment.entity';

export const CHANNEL_LABELS: Readonly<Record<DisclosureChannel, string>> = {
  post: 'post',
  email: 'e-mail',
  secure_portal: 'beveiligd portaal',
  phone: 'telefoon',
  in_person: 'persoonlijk',
};

/** JSON with object keys sorted at every level, so the same package always gives the same digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 of the canonical JSON of a package: what the register keeps as proof of what was sent. */
export function packageDigest(pkg: DisclosurePackage): Buffer {
  return createHash('sha256').update(canonicalJson(pkg), 'utf8').digest();
}

export interface PackageSource {
  readonly disclosureId: string;
  readonly generatedAt: string;
  readonly recipient: DisclosureRecipient;
  readonly recipientLabel: string;
  readonly ground: string;
  readonly categories: readonly DataCategory[];
  readonly client: Client;
  readonly trajectoryType: TrajectoryType;
  readonly purpose: string;
  readonly channel: DisclosureChannel;
  readonly entries: readonly DossierEntry[];
  readonly employments: readonly Employment[];
  /** With diagnosis_outcome: the trajectory's FINAL outcome (R-MED-03); a draft never goes out. */
  readonly outcome?: DiagnosisOutcome | null;
  /** With health_functional: the client's latest functional capabilities (R-MED-05). */
  readonly functionalCapability?: FunctionalCapability | null;
  readonly decrypt: (stored: Buffer) => string;
}

type ClientField = Exclude<keyof ClientDetail, 'bsnMasked' | 'ibanMasked'>;

/** A client field as it goes out; the BSN and IBAN are handled apart (see fieldsOf). */
function clientValue(client: Client, field: ClientField): unknown {
  const value = (client as unknown as Record<string, unknown>)[field];
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/**
 * The client's fields of one category. The BSN goes out in full only to recipients keyed by it
 * (FULL_BSN_RECIPIENT_TYPES), masked to everyone else; the IBAN only within payroll, to the
 * Belastingdienst or the employer (IBAN_RECIPIENT_TYPES).
 */
function fieldsOf(source: PackageSource, category: DataCategory): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const { client, recipient } = source;
  for (const [field, fieldCategory] of Object.entries(CLIENT_FIELD_CATEGORIES)) {
    if (fieldCategory !== category) continue;
    if (field === 'bsnMasked') {
      const bsn = source.decrypt(client.bsnEncrypted);
      if (FULL_BSN_RECIPIENT_TYPES.includes(recipient.type)) fields['bsn'] = bsn;
      else fields['bsnMasked'] = maskBsn(bsn);
    } else if (field === 'ibanMasked') {
      if (IBAN_RECIPIENT_TYPES.includes(recipient.type) && client.ibanEncrypted)
        fields['iban'] = source.decrypt(client.ibanEncrypted);
    } else {
      fields[field] = clientValue(client, field as ClientField);
    }
  }
  return fields;
}

function dutchDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

/**
 * The package that actually goes out (R-SHARE-02): per disclosed category, the client's fields and
 * the trajectory's dossier entries of that category, plus a readable Dutch summary. Nothing else.
 */
export function buildPackage(source: PackageSource): { pkg: DisclosurePackage; fields: string[] } {
  const data: Record<string, unknown> = {};
  const sentFields = new Set<string>();
  const lines: string[] = [];
  for (const category of source.categories) {
    const fields = fieldsOf(source, category);
    // The outcome goes out as the outcome record alone: no dossier entries under its category.
    const entries = source.entries
      .filter((entry) => entry.category === category && category !== 'diagnosis_outcome')
      .map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        title: entry.title,
        body: entry.body,
        occurredOn: entry.occurredOn,
        decidedBy: entry.decidedBy,
        correspondenceDirection: entry.correspondenceDirection,
        counterparty: entry.counterparty,
      }));
    const part: Record<string, unknown> = { fields };
    Object.keys(fields).forEach((field) => sentFields.add(field));
    if (entries.length > 0) {
      part['dossierEntries'] = entries;
      sentFields.add('dossierEntries');
    }
    if (category === 'payroll' && source.employments.length > 0) {
      part['employments'] = source.employments.map((employment) => ({
        employerName: employment.employerName,
        isInlener: employment.isInlener,
        jobTitle: employment.jobTitle,
        startDate: employment.startDate,
        endDate: employment.endDate,
        contractHoursPerWeek: employment.contractHoursPerWeek,
        grossMonthlySalaryCents: employment.grossMonthlySalaryCents,
      }));
      sentFields.add('employments');
    }
    const extra: string[] = [];
    if (
      category === 'diagnosis_outcome' &&
      source.outcome?.status === 'final' &&
      source.outcome.finalizedAt
    ) {
      // R-MED-03: the outcome and advice only, never the research or medical data.
      part['outcome'] = {
        conclusion: source.outcome.conclusion,
        advice: source.outcome.advice,
        finalizedAt: source.outcome.finalizedAt.toISOString(),
      };
      sentFields.add('outcome');
      extra.push('uitkomst en advies');
    }
    if (category === 'health_functional' && source.functionalCapability) {
      // R-MED-05: what the client can and cannot do in relation to work; there is no diagnosis field.
      const capability = source.functionalCapability;
      part['functionalCapability'] = {
        canDo: capability.canDo,
        cannotDo: capability.cannotDo,
        hoursPerWeek: capability.hoursPerWeek,
        adjustments: capability.adjustments,
        assessedOn: capability.assessedOn,
        validUntil: capability.validUntil,
        source: capability.source,
      };
      sentFields.add('functionalCapability');
      extra.push(`functionele mogelijkheden van ${dutchDate(capability.assessedOn)}`);
    }
    data[category] = part;
    lines.push(
      `- ${DATA_CATEGORY_LABELS[category]}: ${Object.keys(fields).length} velden, ${entries.length} dossierstukken${extra.map((item) => `, ${item}`).join('')}`,
    );
  }

  const { recipient, client } = source;
  const to = `${source.recipientLabel}: ${recipient.organisation}${recipient.person ? ` t.a.v. ${recipient.person}` : ''} (${recipient.country})`;
  const about = source.categories.includes('identity')
    ? `Cliënt: ${client.firstName} ${client.lastName}, geboren ${dutchDate(client.dateOfBirth)}.`
    : 'Cliënt: zie het kenmerk van deze verstrekking.';
  const summary = [
    `Verstrekking aan ${to}, ${dutchDate(todayInAmsterdam(new Date(source.generatedAt)))}.`,
    about,
    `Traject: ${TRAJECTORY_TYPE_RULES[source.trajectoryType].label}. Doel: ${source.purpose}. Kanaal: ${CHANNEL_LABELS[source.channel]}.`,
    `Grondslag: ${source.ground}.`,
    'Verstrekte gegevens:',
    ...lines,
    'Alleen deze categorieën worden verstrekt, nooit het hele dossier (R-SHARE-02).',
  ].join('\n');

  return {
    pkg: {
      disclosureId: source.disclosureId,
      generatedAt: source.generatedAt,
      recipient: {
        type: recipient.type,
        organisation: recipient.organisation,
        ...(recipient.person ? { person: recipient.person } : {}),
        country: recipient.country,
      },
      ground: source.ground,
      categories: [...source.categories],
      data,
      summary,
    },
    fields: [...sentFields],
  };
}
