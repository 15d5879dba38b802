import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AbsenceEpisodeView,
  type CreateAbsenceEpisodeRequest,
  type CreateEmploymentRequest,
  type CreateHoursRecordRequest,
  type CreateLksApplicationRequest,
  type CreateLoonwaardeRequest,
  type EmploymentTrajectory,
  type EmploymentView,
  type HoursRecordView,
  LKS_STATUSES,
  type LksApplicationView,
  type LksStatus,
  type LoonwaardeView,
  type PayrollFile,
  type UpdateEmploymentRequest,
  type UpdateLksApplicationRequest,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsFirstOfMonth, IsIsoDate, IsNotBefore } from './date-rules';
import { trim } from '../../../common/dto/transforms';

/** Present in the body (a PATCH leaves out what does not change); `null` is then a value to refuse. */
const present = (_: object, value: unknown): boolean => value !== undefined;

/** The largest value of a PostgreSQL `integer` column. */
const MAX_CENTS = 2_147_483_647;
const centsMessage = `moet een geheel aantal centen zijn, van 0 tot en met ${MAX_CENTS}`;
const hoursPerWeekMessage = 'moet een getal groter dan 0 en hoogstens 40 zijn, met hoogstens één decimaal';
const hoursWorkedMessage = 'moet een getal van 0 tot en met 300 zijn, met hoogstens één decimaal';
const statusMessage = `moet een van deze waarden zijn: ${LKS_STATUSES.join(', ')}`;

// ---- requests -------------------------------------------------------------------------------------

export class CreateEmploymentDto implements CreateEmploymentRequest {
  @ApiProperty({ example: 'Permar Ede', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(200, { message: nl.maxLength(200) })
  employerName: string;

  @ApiProperty({ description: 'werkt bij een inlener (detachering) in plaats van bij de werkgever zelf' })
  @IsBoolean({ message: nl.boolean })
  isInlener: boolean;

  @ApiProperty({ example: 'Medewerker groenvoorziening', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(200, { message: nl.maxLength(200) })
  jobTitle: string;

  @ApiProperty({ format: 'date', example: '2026-02-01' })
  @IsIsoDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsIsoDate()
  @IsNotBefore('startDate')
  endDate?: string | null;

  @ApiProperty({ example: 32, exclusiveMinimum: true, minimum: 0, maximum: 40 })
  @IsNumber(
    { maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false },
    { message: `contractHoursPerWeek ${hoursPerWeekMessage}` },
  )
  @Min(0.1, { message: `contractHoursPerWeek ${hoursPerWeekMessage}` })
  @Max(40, { message: `contractHoursPerWeek ${hoursPerWeekMessage}` })
  contractHoursPerWeek: number;

  @ApiProperty({ example: 215000, minimum: 0, description: 'bruto maandloon in eurocenten' })
  @IsInt({ message: `grossMonthlySalaryCents ${centsMessage}` })
  @Min(0, { message: `grossMonthlySalaryCents ${centsMessage}` })
  @Max(MAX_CENTS, { message: `grossMonthlySalaryCents ${centsMessage}` })
  grossMonthlySalaryCents: number;
}

export class UpdateEmploymentDto implements UpdateEmploymentRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(200, { message: nl.maxLength(200) })
  jobTitle?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'null heropent' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string | null;

  @ApiPropertyOptional({ exclusiveMinimum: true, minimum: 0, maximum: 40 })
  @ValidateIf(present)
  @IsNumber(
    { maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false },
    { message: `contractHoursPerWeek ${hoursPerWeekMessage}` },
  )
  @Min(0.1, { message: `contractHoursPerWeek ${hoursPerWeekMessage}` })
  @Max(40, { message: `contractHoursPerWeek ${hoursPerWeekMessage}` })
  contractHoursPerWeek?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf(present)
  @IsInt({ message: `grossMonthlySalaryCents ${centsMessage}` })
  @Min(0, { message: `grossMonthlySalaryCents ${centsMessage}` })
  @Max(MAX_CENTS, { message: `grossMonthlySalaryCents ${centsMessage}` })
  grossMonthlySalaryCents?: number;
}

export class CreateHoursRecordDto implements CreateHoursRecordRequest {
  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'eerste dag van de maand' })
  @IsFirstOfMonth()
  month: string;

  @ApiProperty({ example: 128.5, minimum: 0, maximum: 300 })
  @IsNumber(
    { maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false },
    { message: `hoursWorked ${hoursWorkedMessage}` },
  )
  @Min(0, { message: `hoursWorked ${hoursWorkedMessage}` })
  @Max(300, { message: `hoursWorked ${hoursWorkedMessage}` })
  hoursWorked: number;
}

/** R-MED-01: dates only. Any other field (a reason, a diagnosis) is refused by the validation pipe. */
export class CreateAbsenceEpisodeDto implements CreateAbsenceEpisodeRequest {
  @ApiProperty({ format: 'date', example: '2026-03-09' })
  @IsIsoDate()
  firstDay: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsIsoDate()
  @IsNotBefore('firstDay')
  lastDay?: string | null;
}

export class CreateLoonwaardeDto implements CreateLoonwaardeRequest {
  @ApiProperty({ format: 'date', example: '2026-02-15' })
  @IsIsoDate()
  assessedOn: string;

  @ApiProperty({
    example: 60,
    minimum: 0,
    maximum: 100,
    description: 'procent van het wettelijk minimumloon',
  })
  @IsInt({ message: nl.integerBetween(0, 100) })
  @Min(0, { message: nl.integerBetween(0, 100) })
  @Max(100, { message: nl.integerBetween(0, 100) })
  percentage: number;

  @ApiProperty({ example: 'Dariuz-methode', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(200, { message: nl.maxLength(200) })
  method: string;

  /** R-HUM-01: a person determined the loonwaarde, and is named. */
  @ApiProperty({ example: 'A. Jansen, arbeidsdeskundige', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(200, { message: nl.maxLength(200) })
  assessedBy: string;
}

export class CreateLksApplicationDto implements CreateLksApplicationRequest {
  @ApiProperty({ format: 'date', example: '2026-02-01' })
  @IsIsoDate()
  appliedOn: string;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsIsoDate()
  periodStart: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsIsoDate()
  @IsNotBefore('periodStart')
  periodEnd?: string | null;

  @ApiProperty({ enum: LKS_STATUSES })
  @IsIn(LKS_STATUSES, { message: `status ${statusMessage}` })
  status: LksStatus;

  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number, description: 'bedrag in eurocenten' })
  @IsOptional()
  @IsInt({ message: `amountCents ${centsMessage}` })
  @Min(0, { message: `amountCents ${centsMessage}` })
  @Max(MAX_CENTS, { message: `amountCents ${centsMessage}` })
  amountCents?: number | null;
}

export class UpdateLksApplicationDto implements UpdateLksApplicationRequest {
  @ApiPropertyOptional({ enum: LKS_STATUSES })
  @ValidateIf(present)
  @IsIn(LKS_STATUSES, { message: `status ${statusMessage}` })
  status?: LksStatus;

  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number, description: 'null wist het bedrag' })
  @IsOptional()
  @IsInt({ message: `amountCents ${centsMessage}` })
  @Min(0, { message: `amountCents ${centsMessage}` })
  @Max(MAX_CENTS, { message: `amountCents ${centsMessage}` })
  amountCents?: number | null;
}

// ---- responses ------------------------------------------------------------------------------------

export class EmploymentDto implements EmploymentView {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() isInlener: boolean;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate: string | null;
  @ApiProperty() contractHoursPerWeek: number;
  @ApiProperty({ description: 'bruto maandloon in eurocenten' }) grossMonthlySalaryCents: number;
}

export class HoursRecordDto implements HoursRecordView {
  @ApiProperty() id: string;
  @ApiProperty() employmentId: string;
  @ApiProperty({ format: 'date', description: 'eerste dag van de maand' }) month: string;
  @ApiProperty() hoursWorked: number;
}

export class AbsenceEpisodeDto implements AbsenceEpisodeView {
  @ApiProperty() id: string;
  @ApiProperty() employmentId: string;
  @ApiProperty({ format: 'date' }) firstDay: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) lastDay: string | null;
}

export class LoonwaardeDto implements LoonwaardeView {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty() percentage: number;
  @ApiProperty() method: string;
  @ApiProperty() assessedBy: string;
}

export class LksApplicationDto implements LksApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ format: 'date' }) appliedOn: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) periodEnd: string | null;
  @ApiProperty({ enum: LKS_STATUSES }) status: LksStatus;
  @ApiProperty({ nullable: true, type: Number }) amountCents: number | null;
}

export class EmploymentTrajectoryDto implements EmploymentTrajectory {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['beschut_werk', 'loonkostensubsidie'] }) type: 'beschut_werk' | 'loonkostensubsidie';
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
}

export class PayrollFileDto implements PayrollFile {
  @ApiProperty({ type: [EmploymentTrajectoryDto] }) employmentTrajectories: EmploymentTrajectoryDto[];
  @ApiProperty({ type: [EmploymentDto] }) employments: EmploymentDto[];
  @ApiProperty({ type: [HoursRecordDto] }) hours: HoursRecordDto[];
  @ApiProperty({ type: [AbsenceEpisodeDto] }) absences: AbsenceEpisodeDto[];
  @ApiProperty({ type: [LoonwaardeDto] }) loonwaarde: LoonwaardeDto[];
  @ApiProperty({ type: [LksApplicationDto] }) lksApplications: LksApplicationDto[];
}
