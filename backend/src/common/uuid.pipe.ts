import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Route ids are UUIDs; anything else is a 400 with a Dutch message, never a database error. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('Het id in het adres is geen geldige UUID.'),
});
