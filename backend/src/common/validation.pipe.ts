import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type ApiFieldError } from '@werkpad/shared';

function messagesFor(error: ValidationError, field: string): string[] {
  // A missing value fails every check at once; "is verplicht" is the one that helps.
  if (error.value === undefined || error.value === null) return [`${field} is verplicht`];
  // class-validator lists constraints bottom-up; reversed, the first declared check comes first.
  return Object.entries(error.constraints ?? {})
    .reverse()
    .map(([name, text]) => (name === 'whitelistValidation' ? `${field} is geen toegestaan veld` : text));
}

function flatten(errors: readonly ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesFor(error, field) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates every body and query: unknown fields, wrong types and bad values are a 400 that names
 * each field and says why, in Dutch.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // Values are needed to tell a missing field from a wrong one; they never leave this pipe.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((error) => error.messages[0]).join('; ');
      return new BadRequestException({ message: `Ongeldige invoer: ${summary}`, errors: fieldErrors });
    },
  });
}
