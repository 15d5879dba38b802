import { parseCalendarDate } from '@werkpad/shared';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** Today on the calendar the agency works by (a date, not an instant). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}

/** An ISO calendar date `JJJJ-MM-DD` that exists (no 2025-02-29). */
export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'datum'} moet een bestaande datum zijn (JJJJ-MM-DD)`,
    },
  });

/** A calendar date that is not after today (ISO dates compare correctly as text). */
export const NotInFuture = (): PropertyDecorator =>
  ValidateBy({
    name: 'notInFuture',
    validator: {
      validate: (value: unknown) => !isCalendarDate(value) || value <= todayIso(),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'datum'} mag niet in de toekomst liggen`,
    },
  });
