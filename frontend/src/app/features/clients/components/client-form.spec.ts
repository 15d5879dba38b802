import type { ClientView } from '@werkpad/shared';
import {
  applyServerErrors,
  createClientForm,
  CREATE_CATEGORIES,
  EDITABLE_FIELDS,
  fieldError,
  formSections,
  toClientWrite,
} from './client-form';

const CLIENT: ClientView = {
  id: 'c1',
  coachId: 'u-coach',
  incomeConsultantId: null,
  firstName: 'Fatima',
  lastName: 'El Amrani',
  dateOfBirth: '1980-02-03',
  bsnMasked: '******782',
  street: 'Dorpsstraat',
  houseNumber: '12',
  postcode: '6711 AA',
  city: 'Ede',
  phone: null,
  email: null,
  hasDebts: null,
  categories: ['identity', 'contact', 'financial'],
};

const field = (key: string) => {
  const found = EDITABLE_FIELDS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('client form', () => {
  const createFields = formSections(CREATE_CATEGORIES).flatMap((section) => section.fields);

  it('registers a new client with identity and address fields, the required ones marked required', () => {
    const form = createClientForm(createFields, null);
    for (const key of [
      'firstName',
      'lastName',
      'dateOfBirth',
      'bsn',
      'street',
      'houseNumber',
      'postcode',
      'city',
    ]) {
      expect(form.controls[key].hasError('required')).toBe(true);
    }
    expect(form.controls['email'].hasError('required')).toBe(false);
  });

  it('explains in Dutch what is wrong with a field', () => {
    const form = createClientForm(createFields, null);
    form.patchValue({ bsn: '123456789', postcode: '123 AB', email: 'geen-adres' });
    form.markAllAsTouched();
    expect(fieldError(field('bsn'), form.controls['bsn'])).toBe(
      'Dit is geen geldig BSN: 9 cijfers die de elfproef doorstaan.',
    );
    expect(fieldError(field('postcode'), form.controls['postcode'])).toBe('Vul een postcode in als 1234 AB.');
    expect(fieldError(field('email'), form.controls['email'])).toContain('geldig e-mailadres');
    expect(fieldError(field('city'), form.controls['city'])).toBe('Vul de woonplaats in.');
  });

  it('refuses a date of birth in the future', () => {
    const form = createClientForm(createFields, null);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    form.controls['dateOfBirth'].setValue(tomorrow);
    form.controls['dateOfBirth'].markAsTouched();
    expect(fieldError(field('dateOfBirth'), form.controls['dateOfBirth'])).toBe(
      'De geboortedatum kan niet in de toekomst liggen.',
    );
  });

  it('sends a new client with the date as YYYY-MM-DD and without empty optional fields', () => {
    const form = createClientForm(createFields, null);
    form.patchValue({
      firstName: ' Jan ',
      lastName: 'Jansen',
      dateOfBirth: new Date(1990, 0, 31),
      bsn: '111222333',
      street: 'Kerkstraat',
      houseNumber: '1a',
      postcode: '6711aa',
      city: 'Ede',
    });
    expect(form.valid).toBe(true);
    expect(toClientWrite(form, createFields, true)).toEqual({
      firstName: 'Jan',
      lastName: 'Jansen',
      dateOfBirth: '1990-01-31',
      bsn: '111222333',
      street: 'Kerkstraat',
      houseNumber: '1a',
      postcode: '6711AA',
      city: 'Ede',
    });
  });

  it('edits only what changed, clears an optional field with null, and leaves the BSN alone when empty', () => {
    const fields = formSections(['identity', 'contact', 'financial']).flatMap((section) => section.fields);
    const form = createClientForm(fields, CLIENT);
    expect(form.controls['bsn'].value).toBe('');
    expect(form.controls['bsn'].hasError('required')).toBe(false);
    expect(form.controls['dateOfBirth'].value).toEqual(new Date(1980, 1, 3));

    form.controls['city'].setValue('Bennekom');
    form.controls['city'].markAsDirty();
    form.controls['hasDebts'].setValue(true);
    form.controls['hasDebts'].markAsDirty();
    form.controls['nationality'].setValue('  ');
    form.controls['nationality'].markAsDirty();
    expect(toClientWrite(form, fields, false)).toEqual({
      city: 'Bennekom',
      hasDebts: true,
      nationality: null,
    });
  });

  it('puts the API field errors on their fields and returns the rest', () => {
    const form = createClientForm(createFields, null);
    const rest = applyServerErrors(form, [
      { field: 'postcode', messages: ['postcode moet een Nederlandse postcode zijn (1234 AB)'] },
      { field: 'unknown', messages: ['Iets anders'] },
    ]);
    expect(fieldError(field('postcode'), form.controls['postcode'])).toBe(
      'postcode moet een Nederlandse postcode zijn (1234 AB)',
    );
    expect(rest).toEqual(['Iets anders']);
  });
});
