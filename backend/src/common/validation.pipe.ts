import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type ApiFieldError } from '@werkpad/shared';

function flatten(errors: readonly ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [
          {
            field,
            // class-validator lists constraints bottom-up; reversed, the first declared check comes first.
            messages: Object.entries(error.constraints)
              .reverse()
              .map(([name, text]) =>
                name === 'whitelistValidation' ? `${field} is geen toegestaan veld` : text,
              ),
          },
        ]
      : [];
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((error) => error.messages[0]).join('; ');
      return new BadRequestException({ message: `Ongeldige invoer: ${summary}`, errors: fieldErrors });
    },
  });
}
