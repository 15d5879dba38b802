import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateTrajectoryRequest,
  DATA_CATEGORIES,
  type DataCategory,
  REPORTING_FORMS,
  type ReportingAgreement,
  type ReportingForm,
  TRAJECTORY_STATUSES,
  TRAJECTORY_TYPES,
  type TrajectoryStatus,
  type TrajectoryType,
  type TrajectoryView,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from './calendar-date';
import { trim } from '../../../common/dto/transforms';

/** What may be agreed to be reported: every category except medical data (R-MED-01). */
export const REPORTABLE_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => category !== 'medical' && category !== 'account',
);

/** R-SHARE-07: to whom, which data, how, for what purpose and how often. */
export class ReportingAgreementDto implements ReportingAgreement {
  @ApiProperty({ example: 'Gemeente Ede, afdeling Werk en Inkomen', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  recipient: string;

  @ApiProperty({ enum: REPORTABLE_CATEGORIES, isArray: true, example: ['progress'] })
  @IsArray({ message: 'categories moet een lijst van gegevenscategorieën zijn' })
  @ArrayMinSize(1, { message: 'categories moet minstens één categorie bevatten' })
  @ArrayMaxSize(REPORTABLE_CATEGORIES.length, { message: 'categories bevat te veel categorieën' })
  @ArrayUnique({ message: 'categories bevat een categorie dubbel' })
  @IsNotIn(['medical'], {
    each: true,
    message: 'categories mag geen medische gegevens bevatten: die worden nooit gerapporteerd (R-MED-01)',
  })
  @IsIn(REPORTABLE_CATEGORIES, {
    each: true,
    message: `categories mag alleen deze categorieën bevatten: ${REPORTABLE_CATEGORIES.join(', ')}`,
  })
  categories: DataCategory[];

  @ApiProperty({ enum: REPORTING_FORMS })
  @IsIn(REPORTING_FORMS, { message: `form moet een van deze zijn: ${REPORTING_FORMS.join(', ')}` })
  form: ReportingForm;

  @ApiProperty({ example: 'Voortgang naar werk volgen', maxLength: 500 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(500, { message: nl.maxLength(500) })
  purpose: string;

  @ApiProperty({ example: 'Elk kwartaal', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  frequency: string;
}

export class CreateTrajectoryDto implements CreateTrajectoryRequest {
  @ApiProperty({ enum: TRAJECTORY_TYPES })
  @IsIn(TRAJECTORY_TYPES, { message: `type moet een van deze zijn: ${TRAJECTORY_TYPES.join(', ')}` })
  type: TrajectoryType;

  @ApiProperty({ example: '2026-01-05', format: 'date' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({
    nullable: true,
    format: 'uuid',
    description: 'Een actieve inkomensconsulent; zonder waarde die van de cliënt',
  })
  @IsOptional()
  @IsUUID('all', { message: 'incomeConsultantId moet een geldige UUID zijn' })
  incomeConsultantId?: string | null;

  @ApiProperty({ type: ReportingAgreementDto, description: 'R-SHARE-07: de rapportage-afspraak' })
  @IsDefined({ message: nl.required })
  @ValidateNested()
  @Type(() => ReportingAgreementDto)
  reportingAgreement: ReportingAgreementDto;
}

export class CloseTrajectoryDto {
  @ApiProperty({
    example: '2026-06-30',
    format: 'date',
    description: 'Niet voor de startdatum, niet in de toekomst',
  })
  @IsCalendarDate()
  @NotInFuture()
  closedOn: string;

  @ApiProperty({ enum: [true], description: 'De gebruiker heeft het afsluiten bevestigd' })
  @IsOptional()
  @IsBoolean({ message: nl.boolean })
  confirm?: boolean;
}

export class TrajectoryResponseDto implements TrajectoryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: TRAJECTORY_TYPES }) type: TrajectoryType;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES }) status: TrajectoryStatus;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'R-RET-01: vernietigingsdatum; leeg zolang het traject open is',
  })
  destructionDate: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coachId: string | null;
  @ApiProperty({ nullable: true, type: String }) coachName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) incomeConsultantId: string | null;
  @ApiProperty({ nullable: true, type: String }) incomeConsultantName: string | null;
  @ApiProperty({ type: ReportingAgreementDto }) reportingAgreement: ReportingAgreementDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
