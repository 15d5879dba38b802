import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_CATEGORIES, type DataCategory } from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { trim } from '../../../common/dto/transforms';

const MOMENT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A moment with its time zone, so that the 72-hour deadline cannot shift with the server's zone. */
const IsMoment = (field: string): PropertyDecorator => {
  const message = `${field} moet een tijdstip met tijdzone zijn, bijvoorbeeld 2026-11-22T09:30:00+01:00`;
  return applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message }),
    Matches(MOMENT_PATTERN, { message }),
  );
};

export class CreateDataBreachDto {
  @ApiProperty({
    format: 'date-time',
    description: 'wanneer het lek werd ontdekt; de meldtermijn loopt vanaf hier',
  })
  @IsMoment('discoveredAt')
  discoveredAt: string;

  @ApiProperty({ description: 'wat er gebeurde; geen namen of BSN van betrokkenen' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: nl.minLength(10) })
  @MaxLength(4000, { message: nl.maxLength(4000) })
  description: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray({ message: 'categories moet een lijst van gegevenscategorieën zijn' })
  @ArrayMinSize(1, { message: 'categories moet minstens één gegevenscategorie bevatten' })
  @ArrayMaxSize(DATA_CATEGORIES.length, { message: 'categories bevat te veel categorieën' })
  @ArrayUnique({ message: 'categories bevat een categorie dubbel' })
  @IsIn(DATA_CATEGORIES, {
    each: true,
    message: `categories mag alleen deze gegevenscategorieën bevatten: ${DATA_CATEGORIES.join(', ')}`,
  })
  categories: DataCategory[];

  @ApiProperty({
    minimum: 0,
    description: 'aantal betrokkenen (schatting als het exacte aantal nog niet bekend is)',
  })
  @IsInt({ message: nl.integerBetween(0, 10_000_000) })
  @Min(0, { message: nl.integerBetween(0, 10_000_000) })
  @Max(10_000_000, { message: nl.integerBetween(0, 10_000_000) })
  peopleAffected: number;

  @ApiProperty({ description: 'genomen en voorgenomen maatregelen' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(3, { message: nl.minLength(3) })
  @MaxLength(4000, { message: nl.maxLength(4000) })
  measures: string;
}

/** The follow-up; each part is set once (409 when it already was). `measures` adds to the measures. */
export class UpdateDataBreachDto {
  @ApiPropertyOptional({
    description: 'aanvullende maatregelen; worden met datum toegevoegd, niet vervangen',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(3, { message: nl.minLength(3) })
  @MaxLength(4000, { message: nl.maxLength(4000) })
  measures?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'gemeld bij de Autoriteit Persoonsgegevens' })
  @IsOptional()
  @IsMoment('reportedToApAt')
  reportedToApAt?: string;

  @ApiPropertyOptional({ description: 'kenmerk van de melding bij de AP' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(100, { message: nl.maxLength(100) })
  apReference?: string;

  @ApiPropertyOptional({ description: 'waarom niet gemeld (bijvoorbeeld: geen risico voor betrokkenen)' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: nl.minLength(10) })
  @MaxLength(4000, { message: nl.maxLength(4000) })
  notReportedReason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'betrokkenen geïnformeerd' })
  @IsOptional()
  @IsMoment('subjectsInformedAt')
  subjectsInformedAt?: string;

  @ApiPropertyOptional({ description: 'waarom betrokkenen niet geïnformeerd zijn' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: nl.minLength(10) })
  @MaxLength(4000, { message: nl.maxLength(4000) })
  subjectsNotInformedReason?: string;
}

export class DataBreachDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) discoveredAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty() peopleAffected: number;
  @ApiProperty() measures: string;
  @ApiProperty({ format: 'date-time', description: 'ontdekt + 72 uur' }) reportDeadline: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reportedToApAt: string | null;
  @ApiProperty({ nullable: true, type: String }) apReference: string | null;
  @ApiProperty({ nullable: true, type: String }) notReportedReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) subjectsInformedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectsNotInformedReason: string | null;
  @ApiProperty() registeredByName: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ description: 'niet gemeld, geen besluit om niet te melden, en de termijn is verstreken' })
  overdue: boolean;
}

export class DataBreachPageDto {
  @ApiProperty({ type: [DataBreachDto] }) items: DataBreachDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
