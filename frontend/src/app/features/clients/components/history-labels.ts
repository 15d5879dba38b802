import { type FieldChange, INBURGERING_STATUS_LABELS, LKS_STATUS_LABELS } from '@werkpad/shared';
import { dutchDate, SHOWN_FIELDS } from './client-field-defs';
import { formatCents } from './money';

/** Shown for an empty old or new value. */
export const EMPTY_VALUE = '—';

/** Client fields by their overview label, plus those written in full but shown masked or by name. */
const CLIENT_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.values(SHOWN_FIELDS).flatMap((fields) => fields.map((field) => [field.key, field.label])),
  ),
  bsn: 'BSN',
  iban: 'Rekeningnummer (IBAN)',
  coachId: 'Trajectbegeleider',
  incomeConsultantId: 'Inkomensconsulent',
};

/** Other records whose changes the API keeps in the client's history, with their changeable fields. */
const RECORD_LABELS: Readonly<
  Record<string, { readonly name: string; readonly fields: Record<string, string> }>
> = {
  Trajectory: { name: 'Traject', fields: { status: 'status', closedOn: 'afgesloten op' } },
  Document: { name: 'Document', fields: { whatsappDeletedOn: 'verwijderd uit WhatsApp op' } },
  Employment: {
    name: 'Dienstverband',
    fields: {
      jobTitle: 'functie',
      endDate: 'einddatum',
      contractHoursPerWeek: 'contracturen per week',
      grossMonthlySalaryCents: 'bruto maandloon',
    },
  },
  LksApplication: { name: 'Loonkostensubsidie', fields: { status: 'status', amountCents: 'bedrag' } },
};

const CENTS_FIELDS = new Set(['grossMonthlySalaryCents', 'amountCents']);

/** Status words of trajectories and loonkostensubsidie, and the inburgering statuses. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  open: 'Open',
  closed: 'Gesloten',
  ...LKS_STATUS_LABELS,
  ...INBURGERING_STATUS_LABELS,
};

/** The Dutch name of a changed field; an unknown one keeps its technical name rather than vanish. */
export function changeLabel(change: Pick<FieldChange, 'entityType' | 'field'>): string {
  if (change.entityType === 'Client') return CLIENT_LABELS[change.field] ?? change.field;
  const record = RECORD_LABELS[change.entityType];
  if (!record) return `${change.entityType}: ${change.field}`;
  return `${record.name}: ${record.fields[change.field] ?? change.field}`;
}

/** A recorded value as text a person reads: Dutch dates, Ja/Nee, money, status labels. */
export function changeValue(field: string, value: string | null): string {
  if (value === null || value === '') return EMPTY_VALUE;
  if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return dutchDate(value);
  if (value === 'true') return 'Ja';
  if (value === 'false') return 'Nee';
  if (CENTS_FIELDS.has(field) && /^\d+$/.test(value)) return formatCents(Number(value));
  return VALUE_LABELS[value] ?? value;
}
