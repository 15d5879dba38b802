import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RETENTION_PARTS,
  type RetentionPart,
  type RetentionState,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { nl } from '../../../common/validation-messages';
import { IsCalendarDate } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

/** A reason a person gives for a recorded act (policy change, hold, exclusion): 10–1000 characters. */
class ReasonDto {
  @ApiProperty({ minLength: 10, maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: nl.minLength(10) })
  @MaxLength(1000, { message: nl.maxLength(1000) })
  reason: string;
}

export class ChangeRetentionPolicyDto extends ReasonDto {
  @ApiProperty({ enum: TRAJECTORY_TYPES })
  @IsIn(TRAJECTORY_TYPES, { message: `trajectoryType moet een van ${TRAJECTORY_TYPES.join(', ')} zijn` })
  trajectoryType: TrajectoryType;

  @ApiProperty({ enum: RETENTION_PARTS })
  @IsIn(RETENTION_PARTS, { message: `part moet een van ${RETENTION_PARTS.join(', ')} zijn` })
  part: RetentionPart;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100) })
  @Min(1, { message: nl.integerBetween(1, 100) })
  @Max(100, { message: nl.integerBetween(1, 100) })
  years: number;

  @ApiProperty({ description: 'de wettelijke grondslag van de termijn' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(3, { message: nl.minLength(3) })
  @MaxLength(300, { message: nl.maxLength(300) })
  legalGround: string;

  @ApiProperty({ description: 'de bron, bijvoorbeeld een besluit of selectielijst' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(3, { message: nl.minLength(3) })
  @MaxLength(300, { message: nl.maxLength(300) })
  source: string;
}

export class SetLegalHoldDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'leeg: de hele cliënt' })
  @IsOptional()
  @IsUUID('all', { message: 'trajectoryId moet een geldige id zijn' })
  trajectoryId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'tot en met deze dag; leeg: tot opheffing' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}

export class LiftLegalHoldDto extends ReasonDto {}

export const OVERVIEW_STATES = ['due_later', 'due_soon', 'due', 'on_hold'] as const;

export class RetentionOverviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OVERVIEW_STATES })
  @IsOptional()
  @IsIn(OVERVIEW_STATES, { message: `state moet een van ${OVERVIEW_STATES.join(', ')} zijn` })
  state?: Exclude<RetentionState, 'open'>;
}
