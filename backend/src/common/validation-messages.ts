import { type ValidationArguments } from 'class-validator';

/**
 * Dutch validation messages, so that a 400 tells the user which field is wrong and why in their
 * own language. Kept in one place to stay consistent across DTOs.
 */
export const nl = {
  required: (args: ValidationArguments): string => `${args.property} is verplicht`,
  text: (args: ValidationArguments): string => `${args.property} moet tekst zijn`,
  boolean: (args: ValidationArguments): string => `${args.property} moet waar of onwaar zijn`,
  maxLength:
    (max: number) =>
    (args: ValidationArguments): string =>
      `${args.property} mag maximaal ${max} tekens lang zijn`,
  minLength:
    (min: number) =>
    (args: ValidationArguments): string =>
      `${args.property} moet minstens ${min} tekens lang zijn`,
  integerBetween:
    (min: number, max: number) =>
    (args: ValidationArguments): string =>
      `${args.property} moet een geheel getal van ${min} tot en met ${max} zijn`,
};
