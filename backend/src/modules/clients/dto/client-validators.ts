import { applyDecorators } from '@nestjs/common';
import { isValidBsn, isValidIban, normalizeIban } from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateBy, type ValidationArguments } from 'class-validator';

import { nl } from '../../../common/validation-messages';

/** Trims text; for a nullable field an empty text means "cleared" (null). */
export const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
export const trimmedOrNull = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return text === '' ? null : text;
};

/** Text with a maximum length. */
export const Text = (max: number): PropertyDecorator =>
  applyDecorators(IsString({ message: nl.text }), MaxLength(max, { message: nl.maxLength(max) }));

export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/** Today in the Netherlands as YYYY-MM-DD (the server may run in UTC). */
function todayInNetherlands(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A date of birth: a real calendar date as YYYY-MM-DD, not in the future and not before 1900. */
export const IsDateOfBirth = (): PropertyDecorator =>
  applyDecorators(
    IsString({ message: (args: ValidationArguments) => `${args.property} moet een datum zijn (JJJJ-MM-DD)` }),
    ValidateBy({
      name: 'isDateOfBirth',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          isRealDate(value) &&
          value >= EARLIEST_DATE_OF_BIRTH &&
          value <= todayInNetherlands(),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'dateOfBirth'} moet een geldige datum (JJJJ-MM-DD) zijn, niet in de toekomst en niet vóór 1900`,
      },
    }),
  );

/** Nine digits that pass the 11-proef. */
export const IsBsn = (): PropertyDecorator =>
  applyDecorators(
    Transform(trimmed),
    IsString({ message: nl.text }),
    ValidateBy({
      name: 'isBsn',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBsn(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'bsn'} is geen geldig BSN (11-proef)`,
      },
    }),
  );

/** An IBAN (mod-97), stored without spaces in upper case. */
export const IsIban = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const iban = normalizeIban(value);
      return iban === '' ? null : iban;
    }),
    IsString({ message: nl.text }),
    ValidateBy({
      name: 'isIban',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidIban(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'iban'} is geen geldig IBAN (controlegetal klopt niet)`,
      },
    }),
  );

/** Dutch postcode '1234 AB'; '1234ab' and '1234  AB' are accepted and normalised. */
export const IsPostcode = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const compact = value.replace(/\s+/g, '').toUpperCase();
      return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
    }),
    IsString({ message: nl.text }),
    Matches(/^[1-9]\d{3} [A-Z]{2}$/, {
      message: (args: ValidationArguments) => `${args.property} moet een Nederlandse postcode zijn (1234 AB)`,
    }),
  );
