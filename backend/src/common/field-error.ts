import { BadRequestException } from '@nestjs/common';

/**
 * A 400 about one field, found by a service rather than by the DTO (a date after another, a
 * category that does not fit the kind): the same shape and wording as the validation pipe's, so
 * the UI shows both alike and puts the message at the field.
 */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    message: `Ongeldige invoer: ${message}`,
    errors: [{ field, messages: [message] }],
  });
}
