import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateFunctionalCapabilityRequest,
  FUNCTIONAL_CAPABILITY_SOURCES,
  type FunctionalCapabilitySource,
  type FunctionalCapabilityView,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

const NO_DIAGNOSIS =
  'Wat de cliënt in relatie tot werk wel en niet kan; nooit een diagnose of de naam van een aandoening (R-MED-05).';
const HOURS = 'hoursPerWeek moet een getal van 0 tot en met 60 zijn, met hoogstens één decimaal';

/**
 * POST /api/clients/:clientId/functional-capabilities. R-MED-05: there is deliberately no field for
 * a diagnosis; the global validation pipe refuses any field not declared here (400).
 */
export class CreateFunctionalCapabilityDto implements CreateFunctionalCapabilityRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Licht fysiek werk, 4 uur per dag',
    description: NO_DIAGNOSIS,
  })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  canDo: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Tillen boven 10 kg; werken in ploegendienst',
    description: NO_DIAGNOSIS,
  })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  cannotDo: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, example: 24 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false }, { message: HOURS })
  @Min(0, { message: HOURS })
  @Max(60, { message: HOURS })
  hoursPerWeek?: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Stahoge werkplek, vaste pauzes' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  adjustments?: string;

  @ApiProperty({ format: 'date', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  assessedOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'Niet voor assessedOn' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({ enum: FUNCTIONAL_CAPABILITY_SOURCES })
  @IsIn(FUNCTIONAL_CAPABILITY_SOURCES, {
    message: `source moet een van deze zijn: ${FUNCTIONAL_CAPABILITY_SOURCES.join(', ')}`,
  })
  source: FunctionalCapabilitySource;

  @ApiPropertyOptional({ format: 'uuid', description: 'Een traject van deze cliënt' })
  @IsOptional()
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId?: string;
}

export class FunctionalCapabilityResponseDto implements FunctionalCapabilityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trajectoryId: string | null;
  @ApiProperty() canDo: string;
  @ApiProperty() cannotDo: string;
  @ApiProperty({ nullable: true, type: Number }) hoursPerWeek: number | null;
  @ApiProperty({ nullable: true, type: String }) adjustments: string | null;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ enum: FUNCTIONAL_CAPABILITY_SOURCES }) source: FunctionalCapabilitySource;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
