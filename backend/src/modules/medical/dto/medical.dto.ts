import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CARE_PROVIDER_KINDS,
  type CareProviderKind,
  type CareProviderRequestView,
  type CreateCareProviderRequest,
  type CreateMedicalRecordRequest,
  MEDICAL_RECORD_KINDS,
  type MedicalRecordKind,
  type MedicalRecordVersionView,
  type MedicalRecordView,
  type UpdateMedicalRecordRequest,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

// No message below repeats the submitted value: medical text must not come back in an error (R-MED-06).

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const SOURCE_MAX = 200;
const PROVIDER_MAX = 200;
const QUESTION_MAX = 4_000;

const kindMessage = `kind moet een van deze zijn: ${MEDICAL_RECORD_KINDS.join(', ')}`;

/** POST /api/expertise/trajectories/:trajectoryId/medical-records */
export class CreateMedicalRecordDto implements CreateMedicalRecordRequest {
  @ApiProperty({ enum: MEDICAL_RECORD_KINDS })
  @IsIn(MEDICAL_RECORD_KINDS, { message: kindMessage })
  kind: MedicalRecordKind;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  recordedOn: string;

  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(TITLE_MAX, { message: nl.maxLength(TITLE_MAX) })
  title: string;

  @ApiProperty({ minLength: 1, maxLength: BODY_MAX })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(BODY_MAX, { message: nl.maxLength(BODY_MAX) })
  body: string;

  @ApiPropertyOptional({
    maxLength: SOURCE_MAX,
    description: 'Waar de informatie vandaan komt (huisarts, specialist, bedrijfsarts)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(SOURCE_MAX, { message: nl.maxLength(SOURCE_MAX) })
  source?: string;
}

/** PATCH /api/expertise/medical-records/:id: only the fields sent change; the old version is kept. */
export class UpdateMedicalRecordDto implements UpdateMedicalRecordRequest {
  @ApiProperty({ minimum: 1, description: 'De versie waarop de wijziging is gebaseerd (anders 409)' })
  @IsInt({ message: 'expectedVersion moet een geheel getal van minstens 1 zijn' })
  @Min(1, { message: 'expectedVersion moet een geheel getal van minstens 1 zijn' })
  expectedVersion: number;

  @ApiPropertyOptional({ enum: MEDICAL_RECORD_KINDS })
  @IsOptional()
  @IsIn(MEDICAL_RECORD_KINDS, { message: kindMessage })
  kind?: MedicalRecordKind;

  @ApiPropertyOptional({ format: 'date', description: 'Niet in de toekomst' })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  recordedOn?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: TITLE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(TITLE_MAX, { message: nl.maxLength(TITLE_MAX) })
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: BODY_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(BODY_MAX, { message: nl.maxLength(BODY_MAX) })
  body?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: SOURCE_MAX,
    description: 'null wist de bron',
  })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(SOURCE_MAX, { message: nl.maxLength(SOURCE_MAX) })
  source?: string | null;
}

/** POST /api/expertise/trajectories/:trajectoryId/care-provider-requests (R-MED-04). */
export class CreateCareProviderRequestDto implements CreateCareProviderRequest {
  @ApiProperty({ enum: CARE_PROVIDER_KINDS })
  @IsIn(CARE_PROVIDER_KINDS, {
    message: `providerKind moet een van deze zijn: ${CARE_PROVIDER_KINDS.join(', ')}`,
  })
  providerKind: CareProviderKind;

  @ApiProperty({
    minLength: 1,
    maxLength: PROVIDER_MAX,
    example: 'Huisartsenpraktijk De Linde',
    description: 'Noemt de toestemming een ontvanger, dan moet dit die ontvanger zijn',
  })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(PROVIDER_MAX, { message: nl.maxLength(PROVIDER_MAX) })
  provider: string;

  @ApiProperty({ minLength: 1, maxLength: QUESTION_MAX })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(QUESTION_MAX, { message: nl.maxLength(QUESTION_MAX) })
  question: string;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  requestedOn: string;
}

export class MedicalRecordResponseDto implements MedicalRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: MEDICAL_RECORD_KINDS }) kind: MedicalRecordKind;
  @ApiProperty({ format: 'date' }) recordedOn: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) updatedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}

export class MedicalRecordVersionResponseDto implements MedicalRecordVersionView {
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ enum: MEDICAL_RECORD_KINDS }) kind: MedicalRecordKind;
  @ApiProperty({ format: 'date' }) recordedOn: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ format: 'uuid' }) writtenBy: string;
  @ApiProperty() writtenByName: string;
  @ApiProperty({ format: 'date-time' }) writtenAt: string;
  @ApiProperty({ format: 'uuid' }) supersededBy: string;
  @ApiProperty() supersededByName: string;
  @ApiProperty({ format: 'date-time' }) supersededAt: string;
}

export class CareProviderRequestResponseDto implements CareProviderRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ enum: CARE_PROVIDER_KINDS }) providerKind: CareProviderKind;
  @ApiProperty() provider: string;
  @ApiProperty() question: string;
  @ApiProperty({ format: 'uuid', description: 'De schriftelijke toestemming waarop het verzoek berust' })
  consentId: string;
  @ApiProperty({ format: 'date' }) requestedOn: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() requestedByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
