import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

class ApiFieldErrorDto {
  @ApiProperty({ example: 'username' }) field: string;
  @ApiProperty({ example: ['username is verplicht'], type: [String] }) messages: string[];
}

/** The one error shape of the API (ApiErrorBody in shared/). */
export class ApiErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Ongeldige invoer: username is verplicht' }) message: string;
  @ApiPropertyOptional({ type: [ApiFieldErrorDto] }) errors?: ApiFieldErrorDto[];
  @ApiPropertyOptional({ example: '6f1c7c1e-1f3b-4f0e-9f55-0d5c8c1f2a11' }) requestId?: string;
}

/** The answers every guarded route can give besides its own: bad input, no session, no access, not found. */
export const ApiGuardedErrors = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiBadRequestResponse({ type: ApiErrorDto, description: 'Ongeldige invoer; `errors` noemt elk veld' }),
    ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'Geen geldige sessie' }),
    ApiForbiddenResponse({ type: ApiErrorDto, description: 'De rol mag deze functie niet gebruiken' }),
    ApiNotFoundResponse({
      type: ApiErrorDto,
      description: 'Niet gevonden, of niet zichtbaar voor deze gebruiker',
    }),
  );
