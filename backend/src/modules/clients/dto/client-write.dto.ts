import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INBURGERING_STATUSES,
  type InburgeringStatus,
  LANGUAGE_LEVELS,
  type LanguageLevel,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsBsn, IsDateOfBirth, IsIban, IsPostcode, Text, trimmed, trimmedOrNull } from './client-validators';

/** A required text in create; in an edit it may be left out but not cleared (null / empty). */
const RequiredText = (max: number): PropertyDecorator =>
  applyDecorators(Transform(trimmed), Text(max), IsNotEmpty({ message: nl.required }));

const HouseNumber = (): PropertyDecorator =>
  applyDecorators(
    Transform(trimmed),
    Text(20),
    Matches(/^[1-9]\d{0,4}(\s?[A-Za-z0-9-]{1,6})?$/, {
      message: (args: ValidationArguments) =>
        `${args.property} moet een huisnummer zijn, eventueel met toevoeging (bijv. 12 of 12a)`,
    }),
  );

/** Present in an edit only when sent: then validated like in create (so null is refused). */
const WhenSent = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The fields a client file may hold beyond identity and address; each may be left out or cleared. */
export class ClientOptionalFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Nederlandse' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(100)
  nationality?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '06 12345678' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{5,19}$/, {
    message: (args: ValidationArguments) =>
      `${args.property} moet een telefoonnummer zijn (cijfers, spaties, +, - en haakjes)`,
  })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @MaxLength(254, { message: nl.maxLength(254) })
  @IsEmail(
    {},
    { message: (args: ValidationArguments) => `${args.property} moet een geldig e-mailadres zijn` },
  )
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: LANGUAGE_LEVELS })
  @IsOptional()
  @IsIn(LANGUAGE_LEVELS, {
    message: (args: ValidationArguments) =>
      `${args.property} moet een van deze niveaus zijn: ${LANGUAGE_LEVELS.join(', ')}`,
  })
  dutchLanguageLevel?: LanguageLevel | null;

  @ApiPropertyOptional({ nullable: true, enum: INBURGERING_STATUSES })
  @IsOptional()
  @IsIn(INBURGERING_STATUSES, {
    message: (args: ValidationArguments) =>
      `${args.property} moet een van deze waarden zijn: ${INBURGERING_STATUSES.join(', ')}`,
  })
  inburgeringStatus?: InburgeringStatus | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean({ message: nl.boolean })
  drivingLicence?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'fiets, openbaar vervoer' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(200)
  transport?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt({ message: nl.integerBetween(0, 60) })
  @Min(0, { message: nl.integerBetween(0, 60) })
  @Max(60, { message: nl.integerBetween(0, 60) })
  availabilityHoursPerWeek?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(2000)
  availabilityNotes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uri', example: 'https://cv.example.nl/123' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @MaxLength(500, { message: nl.maxLength(500) })
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: (args: ValidationArguments) => `${args.property} moet een https-adres zijn` },
  )
  cvLink?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'mbo 2' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(200)
  educationLevel?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean({ message: nl.boolean })
  hasDebts?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 4000 })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(4000)
  debtNotes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 4000 })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(4000)
  lifeDomainsNotes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 4000 })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(4000)
  functionalLimitations?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 200,
    example: 'Imam',
    description:
      'R-CONS-05: alleen met geldige toestemming van de cliënt (doel religious_function); leegmaken mag altijd',
  })
  @Transform(trimmedOrNull)
  @IsOptional()
  @Text(200)
  religiousFunction?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'NL91 ABNA 0417 1643 00' })
  @IsIban()
  @IsOptional()
  iban?: string | null;
}

/** POST /api/clients: identity and address are required; the creator becomes the coach. */
export class CreateClientDto extends ClientOptionalFieldsDto {
  @ApiProperty({ example: 'Fatma' })
  @RequiredText(100)
  firstName: string;

  @ApiProperty({ example: 'Çelik' })
  @RequiredText(100)
  lastName: string;

  @ApiProperty({ format: 'date', example: '1985-03-14' })
  @IsDateOfBirth()
  dateOfBirth: string;

  @ApiProperty({ example: '123456782', description: '9 cijfers, 11-proef' })
  @IsBsn()
  bsn: string;

  @ApiProperty({ example: 'Stationsweg' })
  @RequiredText(200)
  street: string;

  @ApiProperty({ example: '12a' })
  @HouseNumber()
  houseNumber: string;

  @ApiProperty({ example: '6711 AA' })
  @IsPostcode()
  postcode: string;

  @ApiProperty({ example: 'Ede' })
  @RequiredText(100)
  city: string;
}

/** PATCH /api/clients/:id: any subset; identity and address fields cannot be cleared. */
export class UpdateClientDto extends ClientOptionalFieldsDto {
  @ApiPropertyOptional()
  @WhenSent()
  @RequiredText(100)
  firstName?: string;

  @ApiPropertyOptional()
  @WhenSent()
  @RequiredText(100)
  lastName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @WhenSent()
  @IsDateOfBirth()
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: '9 cijfers, 11-proef' })
  @WhenSent()
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional()
  @WhenSent()
  @RequiredText(200)
  street?: string;

  @ApiPropertyOptional()
  @WhenSent()
  @HouseNumber()
  houseNumber?: string;

  @ApiPropertyOptional()
  @WhenSent()
  @IsPostcode()
  postcode?: string;

  @ApiPropertyOptional()
  @WhenSent()
  @RequiredText(100)
  city?: string;
}
