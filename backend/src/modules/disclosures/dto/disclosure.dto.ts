import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CategoryDecision,
  DATA_CATEGORIES,
  type DataCategory,
  DISCLOSURE_CHANNELS,
  type DisclosureChannel,
  type DisclosureDecision,
  type DisclosurePackage,
  type DisclosureRecipient,
  type DisclosureRegisterQuery,
  type DisclosureRequest,
  type DisclosureResult,
  type DisclosureView,
  type Page,
  RECIPIENT_TYPES,
  type RecipientType,
  type RecordReportReviewRequest,
  REPORT_REVIEW_STATUSES,
  type ReportReviewStatus,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export const WHATSAPP_CHANNEL_MESSAGE = 'Via WhatsApp worden geen inhoudelijke stukken verstuurd (R-CONS-04)';

/** R-CONS-04: WhatsApp is for appointments only, never a channel for a disclosure. */
const NotWhatsapp = (): PropertyDecorator =>
  ValidateBy({
    name: 'notWhatsapp',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/whats\s*app/i.test(value),
      defaultMessage: () => WHATSAPP_CHANNEL_MESSAGE,
    },
  });

export class DisclosureRecipientDto implements DisclosureRecipient {
  @ApiProperty({ enum: RECIPIENT_TYPES, description: 'Soort ontvanger uit de deelregels' })
  @IsIn(RECIPIENT_TYPES, {
    message: `recipient.type is een onbekende soort ontvanger; kies uit: ${RECIPIENT_TYPES.join(', ')}`,
  })
  type: RecipientType;

  @ApiProperty({ example: 'UWV Ede', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  organisation: string;

  @ApiPropertyOptional({ example: 'M. de Boer', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(200, { message: nl.maxLength(200) })
  person?: string;

  @ApiProperty({
    example: 'NL',
    description: 'ISO 3166-1 alpha-2; buiten de EU/EER wordt geweigerd (R-SHARE-05)',
  })
  @Transform(upper)
  @IsString({ message: nl.text })
  @Matches(/^[A-Z]{2}$/, { message: 'recipient.country moet een landcode van twee letters zijn (bijv. NL)' })
  country: string;
}

export class DisclosureRequestDto implements DisclosureRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId: string;

  @ApiProperty({ type: DisclosureRecipientDto })
  @IsDefined({ message: nl.required })
  @ValidateNested()
  @Type(() => DisclosureRecipientDto)
  recipient: DisclosureRecipientDto;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true, example: ['identity', 'work_history'] })
  @IsArray({ message: 'categories moet een lijst van gegevenscategorieën zijn' })
  @ArrayMinSize(1, {
    message: 'categories moet minstens één categorie noemen: nooit een heel dossier (R-SHARE-02)',
  })
  @ArrayUnique({ message: 'categories bevat een categorie dubbel' })
  @IsIn(DATA_CATEGORIES, {
    each: true,
    message: `categories mag alleen deze categorieën bevatten: ${DATA_CATEGORIES.join(', ')}`,
  })
  categories: DataCategory[];

  @ApiProperty({ enum: DISCLOSURE_CHANNELS, description: 'WhatsApp is geen kanaal (R-CONS-04)' })
  @NotWhatsapp()
  @IsIn(DISCLOSURE_CHANNELS, {
    message: `channel is een onbekend kanaal; kies uit: ${DISCLOSURE_CHANNELS.join(', ')}`,
  })
  channel: DisclosureChannel;

  @ApiPropertyOptional({ description: 'Een schriftelijk rapport aan een opdrachtgever (R-SHARE-06)' })
  @IsOptional()
  @IsBoolean({ message: nl.boolean })
  isReport?: boolean;

  @ApiProperty({ example: 'Aanmelding voor loonkostensubsidie', maxLength: 500 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(500, { message: nl.maxLength(500) })
  purpose: string;
}

const REVIEWED_STATUSES = REPORT_REVIEW_STATUSES.filter((status) => status !== 'not_shown');

export class RecordReportReviewDto implements RecordReportReviewRequest {
  @ApiProperty({ enum: REVIEWED_STATUSES })
  @IsIn(REVIEWED_STATUSES, { message: `status moet een van deze zijn: ${REVIEWED_STATUSES.join(', ')}` })
  status: Exclude<ReportReviewStatus, 'not_shown'>;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  @NotInFuture()
  shownOn: string;
}

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The FG's register filter: metadata across clients, never package content. */
export class DisclosureRegisterQueryDto implements DisclosureRegisterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId moet een geldige UUID zijn' })
  clientId?: string;

  @ApiPropertyOptional({ enum: RECIPIENT_TYPES })
  @IsOptional()
  @IsIn(RECIPIENT_TYPES, {
    message: `recipientType is een onbekende soort ontvanger; kies uit: ${RECIPIENT_TYPES.join(', ')}`,
  })
  recipientType?: RecipientType;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Alleen rapporten die de cliënt nog niet heeft gezien (R-SHARE-06)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unreviewedReports moet true of false zijn' })
  unreviewedReports?: boolean;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100000) })
  @Min(1, { message: nl.integerBetween(1, 100000) })
  @Max(100000, { message: nl.integerBetween(1, 100000) })
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100) })
  @Min(1, { message: nl.integerBetween(1, 100) })
  @Max(100, { message: nl.integerBetween(1, 100) })
  pageSize = 20;
}

// Response shapes (Swagger only).

export class CategoryDecisionDto implements CategoryDecision {
  @ApiProperty({ enum: DATA_CATEGORIES }) category: DataCategory;
  @ApiProperty() allowed: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'uwv' }) ruleId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Participatiewet / WSW; Wet SUWI' }) ground:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) consentId: string | null;
  @ApiProperty({ example: 'Toegestaan: Participatiewet / WSW; Wet SUWI' }) reason: string;
}

export class DisclosureDecisionDto implements DisclosureDecision {
  @ApiProperty() allowed: boolean;
  @ApiProperty({ example: '2026-11-22.1' }) ruleVersion: string;
  @ApiProperty({ type: [CategoryDecisionDto] }) categories: CategoryDecisionDto[];
  @ApiProperty({ type: [String] }) refusals: string[];
}

export class DisclosureViewDto implements DisclosureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ type: DisclosureRecipientDto }) recipient: DisclosureRecipientDto;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty({ type: [String], description: 'De velden die zijn verstrekt' }) fields: string[];
  @ApiProperty({ enum: DISCLOSURE_CHANNELS }) channel: DisclosureChannel;
  @ApiProperty() purpose: string;
  @ApiProperty() ruleId: string;
  @ApiProperty() ruleVersion: string;
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) consentId: string | null;
  @ApiProperty({ format: 'uuid' }) disclosedBy: string;
  @ApiProperty() disclosedByName: string;
  @ApiProperty({ format: 'date-time' }) disclosedAt: string;
  @ApiProperty({ description: 'SHA-256 (hex) van het pakket zoals verstuurd' }) digest: string;
  @ApiProperty() isReport: boolean;
  @ApiProperty({ enum: REPORT_REVIEW_STATUSES, nullable: true }) reviewStatus: ReportReviewStatus | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) shownToClientOn: string | null;
}

export class DisclosurePackageDto implements DisclosurePackage {
  @ApiProperty({ format: 'uuid' }) disclosureId: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: DisclosureRecipientDto }) recipient: DisclosureRecipientDto;
  @ApiProperty({ example: 'Participatiewet / WSW; Wet SUWI' }) ground: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per categorie de velden en dossierstukken die worden verstrekt',
  })
  data: Record<string, unknown>;
  @ApiProperty({ description: 'Leesbare samenvatting (Nederlands)' }) summary: string;
}

export class DisclosureResultDto implements DisclosureResult {
  @ApiProperty({ type: DisclosureViewDto }) disclosure: DisclosureViewDto;
  @ApiProperty({ type: DisclosurePackageDto }) package: DisclosurePackageDto;
}

export class DisclosureRefusalDto {
  @ApiProperty({ example: 403 }) statusCode: number;
  @ApiProperty({ example: 'Forbidden' }) error: string;
  @ApiProperty({ example: 'Deze verstrekking is niet toegestaan. ...' }) message: string;
  @ApiProperty({ type: DisclosureDecisionDto }) decision: DisclosureDecisionDto;
  @ApiPropertyOptional() requestId?: string;
}

export class DisclosureRegisterPageDto implements Page<DisclosureView> {
  @ApiProperty({ type: [DisclosureViewDto] }) items: DisclosureViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
