import {
  isISO8601,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An existing calendar date written as `YYYY-MM-DD` (no time, no 30 February). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && isISO8601(value, { strict: true });
}

export function IsIsoDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) => `${args.property} moet een datum zijn (JJJJ-MM-DD)`,
        ...options,
      },
      validator: { validate: isIsoDate },
    });
}

/** The first day of a month, `YYYY-MM-01`: hours are recorded per month. */
export function IsFirstOfMonth(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFirstOfMonth',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} moet de eerste dag van een maand zijn (JJJJ-MM-01)`,
        ...options,
      },
      validator: { validate: (value: unknown) => isIsoDate(value) && value.endsWith('-01') },
    });
}

/**
 * An end date that is not before the start date named by `startProperty` in the same body. Only
 * checked when both are valid dates; their own rules report a missing or malformed value.
 */
export function IsNotBefore(startProperty: string, options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [startProperty],
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} mag niet vóór ${String(args.constraints[0])} liggen`,
        ...options,
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[String(args.constraints[0])];
          return !isIsoDate(value) || !isIsoDate(start) || value >= start;
        },
      },
    });
}
