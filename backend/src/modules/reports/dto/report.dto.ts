import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateProgressReportRequest,
  DATA_CATEGORIES,
  type DataCategory,
  DISCLOSURE_CHANNELS,
  type DisclosureChannel,
  type ProgressReportView,
  REPORT_ORIGINS,
  REPORT_RECIPIENT_TYPES,
  REPORT_REVIEW_STATUSES,
  REPORT_STATUSES,
  type ReportExportRequest,
  type ReportExportView,
  type ReportNextSteps,
  type ReportOrigin,
  type ReportRecipientType,
  type ReportReviewStatus,
  type ReportStatus,
  type SendProgressReportRequest,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

const RECIPIENT_MESSAGE = `recipientType is een onbekende ontvanger; kies uit: ${REPORT_RECIPIENT_TYPES.join(', ')}`;

/** The most clients one management export takes (one PDF each). */
export const MAX_EXPORT_CLIENTS = 1000;

export class ReportNextStepsDto implements ReportNextSteps {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId: string;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  text: string;
}

/** Recipient and period: what a single report and a management export both ask for. */
class ReportScopeDto {
  @ApiProperty({ enum: REPORT_RECIPIENT_TYPES })
  @IsIn(REPORT_RECIPIENT_TYPES, { message: RECIPIENT_MESSAGE })
  recipientType: ReportRecipientType;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsCalendarDate()
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2026-06-30' })
  @IsCalendarDate()
  periodEnd: string;
}

export class CreateProgressReportDto extends ReportScopeDto implements CreateProgressReportRequest {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'trajectoryIds moet een lijst van trajecten zijn' })
  @ArrayMinSize(1, { message: 'trajectoryIds moet minstens één traject bevatten' })
  @ArrayMaxSize(20, { message: 'trajectoryIds bevat te veel trajecten (hoogstens 20)' })
  @ArrayUnique({ message: 'trajectoryIds bevat een traject dubbel' })
  @IsUUID('all', { each: true, message: 'trajectoryIds moet geldige UUIDs bevatten' })
  trajectoryIds: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Standaard: de ontvanger uit de rapportageafspraak' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(200, { message: nl.maxLength(200) })
  recipientOrganisation?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(200, { message: nl.maxLength(200) })
  recipientPerson?: string;

  @ApiPropertyOptional({ type: [ReportNextStepsDto] })
  @IsOptional()
  @IsArray({ message: 'nextSteps moet een lijst zijn' })
  @ArrayMaxSize(20, { message: 'nextSteps bevat te veel onderdelen' })
  @ValidateNested({ each: true })
  @Type(() => ReportNextStepsDto)
  nextSteps?: ReportNextStepsDto[];
}

export class SendProgressReportDto implements SendProgressReportRequest {
  @ApiProperty({ enum: DISCLOSURE_CHANNELS })
  @IsIn(DISCLOSURE_CHANNELS, {
    message: `channel is een onbekend kanaal; kies uit: ${DISCLOSURE_CHANNELS.join(', ')}`,
  })
  channel: DisclosureChannel;
}

export class ReportExportDto extends ReportScopeDto implements ReportExportRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_EXPORT_CLIENTS })
  @IsArray({ message: 'clientIds moet een lijst van cliënten zijn' })
  @ArrayMinSize(1, { message: 'clientIds moet minstens één cliënt bevatten' })
  @ArrayMaxSize(MAX_EXPORT_CLIENTS, {
    message: `clientIds bevat te veel cliënten (hoogstens ${MAX_EXPORT_CLIENTS})`,
  })
  @ArrayUnique({ message: 'clientIds bevat een cliënt dubbel' })
  @IsUUID('all', { each: true, message: 'clientIds moet geldige UUIDs bevatten' })
  clientIds: string[];
}

export class ProgressReportViewDto implements ProgressReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RAP-2026-000042' }) reference: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) trajectoryIds: string[];
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ enum: REPORT_RECIPIENT_TYPES }) recipientType: ReportRecipientType;
  @ApiProperty() recipientOrganisation: string;
  @ApiProperty({ type: String, nullable: true }) recipientPerson: string | null;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: REPORT_ORIGINS }) origin: ReportOrigin;
  @ApiProperty({ enum: REPORT_REVIEW_STATUSES }) reviewStatus: ReportReviewStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) shownToClientOn: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sentByName: string | null;
  @ApiProperty({ enum: DISCLOSURE_CHANNELS, nullable: true }) channel: DisclosureChannel | null;
  @ApiProperty({ description: 'SHA-256 van de inhoud (hex)' }) contentSha256: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 van de verzonden PDF (hex)' })
  pdfSha256: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) disclosureIds: string[];
}

class SkippedClientDto {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() reason: string;
}

export class ReportExportViewDto implements ReportExportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() total: number;
  @ApiProperty() done: number;
  @ApiProperty({ enum: ['running', 'completed'] }) status: 'running' | 'completed';
  @ApiProperty({ type: [String], format: 'uuid' }) reportIds: string[];
  @ApiProperty({ type: [SkippedClientDto] }) skipped: SkippedClientDto[];
}
