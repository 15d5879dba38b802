import {
  type AbstractControl,
  FormControl,
  FormRecord,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  type ApiFieldError,
  type ClientView,
  type ClientWrite,
  type DataCategory,
  DATA_CATEGORIES,
  INBURGERING_STATUS_LABELS,
  INBURGERING_STATUSES,
  isValidBsn,
  LANGUAGE_LEVELS,
} from '@werkpad/shared';
import { fromIsoDate, toIsoDate } from '../../../shared/dutch-dates';

export type FieldValue = string | number | boolean | Date | null;
export type ClientForm = FormRecord<FormControl<FieldValue>>;
type ControlKind = 'text' | 'textarea' | 'date' | 'select' | 'number' | 'email' | 'tel' | 'url';

export interface SelectOption {
  readonly value: FieldValue;
  readonly label: string;
}

export interface EditableField {
  readonly key: keyof ClientWrite & string;
  readonly label: string;
  readonly category: DataCategory;
  readonly kind: ControlKind;
  /** Required on create; never clearable in an edit either. */
  readonly required?: boolean;
  readonly options?: readonly SelectOption[];
  readonly autocomplete?: string;
  readonly hint?: string;
  readonly maxLength?: number;
}

const YES_NO: readonly SelectOption[] = [
  { value: null, label: 'Onbekend' },
  { value: true, label: 'Ja' },
  { value: false, label: 'Nee' },
];

export const EDITABLE_FIELDS: readonly EditableField[] = [
  { key: 'firstName', label: 'Voornaam', category: 'identity', kind: 'text', required: true, maxLength: 100 },
  {
    key: 'lastName',
    label: 'Achternaam',
    category: 'identity',
    kind: 'text',
    required: true,
    maxLength: 100,
  },
  {
    key: 'dateOfBirth',
    label: 'Geboortedatum',
    category: 'identity',
    kind: 'date',
    required: true,
    hint: 'dd-mm-jjjj',
  },
  {
    key: 'bsn',
    label: 'BSN',
    category: 'identity',
    kind: 'text',
    required: true,
    hint: '9 cijfers',
    autocomplete: 'off',
  },
  { key: 'nationality', label: 'Nationaliteit', category: 'identity', kind: 'text', maxLength: 100 },
  { key: 'street', label: 'Straat', category: 'contact', kind: 'text', required: true, maxLength: 200 },
  {
    key: 'houseNumber',
    label: 'Huisnummer',
    category: 'contact',
    kind: 'text',
    required: true,
    maxLength: 20,
  },
  { key: 'postcode', label: 'Postcode', category: 'contact', kind: 'text', required: true, hint: '1234 AB' },
  { key: 'city', label: 'Woonplaats', category: 'contact', kind: 'text', required: true, maxLength: 100 },
  { key: 'phone', label: 'Telefoon', category: 'contact', kind: 'tel', autocomplete: 'off' },
  { key: 'email', label: 'E-mail', category: 'contact', kind: 'email', autocomplete: 'off', maxLength: 254 },
  {
    key: 'dutchLanguageLevel',
    label: 'Taalniveau Nederlands',
    category: 'language_inburgering',
    kind: 'select',
    options: [
      { value: null, label: 'Onbekend' },
      ...LANGUAGE_LEVELS.map((level) => ({ value: level, label: level })),
    ],
  },
  {
    key: 'inburgeringStatus',
    label: 'Inburgering',
    category: 'language_inburgering',
    kind: 'select',
    options: [
      { value: null, label: 'Onbekend' },
      ...INBURGERING_STATUSES.map((status) => ({ value: status, label: INBURGERING_STATUS_LABELS[status] })),
    ],
  },
  {
    key: 'availabilityHoursPerWeek',
    label: 'Beschikbaar (uur per week)',
    category: 'availability_transport',
    kind: 'number',
    hint: '0 tot en met 60',
  },
  {
    key: 'availabilityNotes',
    label: 'Toelichting beschikbaarheid',
    category: 'availability_transport',
    kind: 'textarea',
    maxLength: 2000,
  },
  {
    key: 'drivingLicence',
    label: 'Rijbewijs',
    category: 'availability_transport',
    kind: 'select',
    options: YES_NO,
  },
  { key: 'transport', label: 'Vervoer', category: 'availability_transport', kind: 'text', maxLength: 200 },
  {
    key: 'cvLink',
    label: 'Cv (link)',
    category: 'work_history',
    kind: 'url',
    hint: 'Een https-adres',
    maxLength: 500,
  },
  { key: 'educationLevel', label: 'Opleidingsniveau', category: 'education', kind: 'text', maxLength: 200 },
  { key: 'hasDebts', label: 'Schulden', category: 'financial', kind: 'select', options: YES_NO },
  {
    key: 'debtNotes',
    label: 'Toelichting schulden',
    category: 'financial',
    kind: 'textarea',
    maxLength: 2000,
  },
  {
    key: 'functionalLimitations',
    label: 'Functionele beperkingen',
    category: 'health_functional',
    kind: 'textarea',
    hint: 'Alleen wat voor werk van belang is; geen diagnoses (die zijn medisch).',
    maxLength: 2000,
  },
  {
    key: 'lifeDomainsNotes',
    label: 'Overige leefdomeinen',
    category: 'life_domains',
    kind: 'textarea',
    maxLength: 2000,
  },
  {
    key: 'religiousFunction',
    label: 'Religieuze functie',
    category: 'religion',
    kind: 'text',
    // R-CONS-05: a special category; the API refuses it without the client's recorded consent.
    hint: 'Alleen in overleg met de cliënt, met vastgelegde toestemming.',
    maxLength: 200,
  },
];

/** Categories a new client is registered with: who the person is and where they live. */
export const CREATE_CATEGORIES: readonly DataCategory[] = ['identity', 'contact'];

export interface FieldSection {
  readonly category: DataCategory;
  readonly fields: readonly EditableField[];
}

export function formSections(categories: readonly DataCategory[]): FieldSection[] {
  return DATA_CATEGORIES.filter((category) => categories.includes(category))
    .map((category) => ({ category, fields: EDITABLE_FIELDS.filter((field) => field.category === category) }))
    .filter((section) => section.fields.length > 0);
}

const bsnValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return value === '' || isValidBsn(value) ? null : { bsn: true };
};

const POSTCODE = /^[1-9]\d{3}\s?[A-Za-z]{2}$/;
const HOUSE_NUMBER = /^[1-9]\d{0,4}(\s?[A-Za-z0-9-]{1,6})?$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

const notInFuture: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (!(value instanceof Date)) return null;
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  if (value.getTime() > today.getTime()) return { future: true };
  return value.getFullYear() < 1900 ? { tooEarly: true } : null;
};

function validatorsFor(field: EditableField, isNew: boolean): ValidatorFn[] {
  const validators: ValidatorFn[] = [];
  // In an edit the BSN field is empty (the stored one is never sent to the screen): empty = unchanged.
  if (field.required && (isNew || field.key !== 'bsn')) validators.push(Validators.required);
  if (field.maxLength) validators.push(Validators.maxLength(field.maxLength));
  if (field.key === 'bsn') validators.push(bsnValidator);
  if (field.key === 'postcode') validators.push(Validators.pattern(POSTCODE));
  if (field.key === 'houseNumber') validators.push(Validators.pattern(HOUSE_NUMBER));
  if (field.key === 'phone') validators.push(Validators.pattern(PHONE));
  if (field.key === 'cvLink') validators.push(Validators.pattern(/^https:\/\/\S+$/));
  if (field.kind === 'email') validators.push(Validators.email);
  if (field.kind === 'number')
    validators.push(Validators.min(0), Validators.max(60), Validators.pattern(/^\d+$/));
  if (field.key === 'dateOfBirth') validators.push(notInFuture);
  return validators;
}

function initialValue(field: EditableField, client: ClientView | null): FieldValue {
  if (!client || field.key === 'bsn') return field.kind === 'select' ? null : '';
  const value = (client as Record<string, unknown>)[field.key];
  if (value === undefined || value === null)
    return field.kind === 'select' || field.kind === 'number' ? null : '';
  if (field.kind === 'date' && typeof value === 'string') return fromIsoDate(value.slice(0, 10));
  return value as FieldValue;
}

export function createClientForm(fields: readonly EditableField[], client: ClientView | null): ClientForm {
  const form: ClientForm = new FormRecord<FormControl<FieldValue>>({});
  for (const field of fields) {
    form.addControl(
      field.key,
      new FormControl<FieldValue>(initialValue(field, client), { validators: validatorsFor(field, !client) }),
    );
  }
  return form;
}

function toApiValue(field: EditableField, value: FieldValue): unknown {
  if (value instanceof Date) return toIsoDate(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return field.required ? text : null;
    return field.key === 'postcode' ? text.toUpperCase() : text;
  }
  return value;
}

/**
 * The request body: every filled field for a new client; for an edit only what the user changed
 * (a PATCH of untouched fields would record changes that nobody made).
 */
export function toClientWrite(
  form: ClientForm,
  fields: readonly EditableField[],
  isNew: boolean,
): ClientWrite {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const control = form.controls[field.key];
    if (!control) continue;
    const value = toApiValue(field, control.value);
    if (isNew ? value === null || value === '' : !control.dirty) continue;
    if (!isNew && field.key === 'bsn' && value === null) continue;
    body[field.key] = value;
  }
  return body as ClientWrite;
}

const PATTERN_MESSAGES: Partial<Record<string, string>> = {
  postcode: 'Vul een postcode in als 1234 AB.',
  houseNumber: 'Vul een huisnummer in, eventueel met toevoeging (bijvoorbeeld 12 of 12a).',
  phone: 'Vul een telefoonnummer in met cijfers, spaties, +, - of haakjes.',
  cvLink: 'Vul een adres in dat begint met https://.',
};

/** The Dutch message for a field's first error, or null when it is valid or untouched. */
export function fieldError(field: EditableField, control: AbstractControl | undefined): string | null {
  if (!control || !control.invalid || !control.touched) return null;
  const errors = control.errors ?? {};
  const label = field.label.toLowerCase();
  if (errors['server']) return String(errors['server']);
  if (errors['matDatepickerParse']) return 'Vul een bestaande datum in als dd-mm-jjjj.';
  if (errors['required']) return `Vul ${field.key === 'bsn' ? 'het BSN' : `de ${label}`} in.`;
  if (errors['bsn']) return 'Dit is geen geldig BSN: 9 cijfers die de elfproef doorstaan.';
  if (errors['future']) return 'De geboortedatum kan niet in de toekomst liggen.';
  if (errors['tooEarly']) return 'De geboortedatum kan niet vóór 1900 liggen.';
  if (errors['maxlength']) return `Gebruik maximaal ${field.maxLength ?? ''} tekens.`;
  if (errors['email']) return 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';
  if (errors['min'] || errors['max'] || (field.kind === 'number' && errors['pattern'])) {
    return 'Vul een heel aantal uren in van 0 tot en met 60.';
  }
  if (errors['pattern']) return PATTERN_MESSAGES[field.key] ?? `Controleer de ${label}.`;
  return `Controleer de ${label}.`;
}

/** Puts the API's 400 field errors on their controls; returns messages that belong to no control. */
export function applyServerErrors(form: ClientForm, errors: readonly ApiFieldError[]): string[] {
  const unmatched: string[] = [];
  for (const { field, messages } of errors) {
    const control = form.controls[field.split('.')[0]];
    if (control) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  return unmatched;
}
