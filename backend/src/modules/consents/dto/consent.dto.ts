import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  CONSENT_FORMS,
  CONSENT_PURPOSES,
  type ConsentForm,
  type ConsentPurpose,
  type ConsentRegisterEntry,
  type ConsentRegisterQuery,
  type ConsentView,
  type CreateConsentRequest,
  DATA_CATEGORIES,
  type DataCategory,
  type Page,
  type WithdrawConsentRequest,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

/** What a consent may cover: never medical data (R-MED-01; the database refuses it as well). */
export const CONSENT_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => category !== 'medical',
);

/** POST /api/clients/:clientId/consents (R-CONS-01). Cross-field rules are checked in ConsentsService. */
export class CreateConsentDto implements CreateConsentRequest {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES, { message: `purpose moet een van deze zijn: ${CONSENT_PURPOSES.join(', ')}` })
  purpose: ConsentPurpose;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Sociaal team Ede-Zuid',
    description: 'Verplicht bij doelen die een ontvanger noemen (CONSENT_PURPOSE_RULES.recipientRequired)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  recipient?: string;

  @ApiPropertyOptional({ enum: CONSENT_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray({ message: 'categories moet een lijst zijn' })
  @ArrayUnique({ message: 'categories bevat een categorie dubbel' })
  @ArrayMaxSize(CONSENT_CATEGORIES.length, { message: 'categories bevat te veel categorieën' })
  @IsIn(CONSENT_CATEGORIES, {
    each: true,
    message: `categories mag alleen deze bevatten (nooit medical): ${CONSENT_CATEGORIES.join(', ')}`,
  })
  categories?: DataCategory[];

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  givenOn: string;

  @ApiProperty({ enum: CONSENT_FORMS, description: 'Sommige doelen vragen schriftelijke toestemming' })
  @IsIn(CONSENT_FORMS, { message: `form moet een van deze zijn: ${CONSENT_FORMS.join(', ')}` })
  form: ConsentForm;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Het getekende formulier: een document van deze cliënt',
  })
  @IsOptional()
  @IsUUID('all', { message: 'evidenceDocumentId moet een geldige UUID zijn' })
  evidenceDocumentId?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: 'Formulier in papieren dossier, map 2026',
    description: 'Waar het bewijs te vinden is; verplicht als er geen evidenceDocumentId is',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  evidenceReference?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Optionele einddatum, niet voor givenOn' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}

/** POST /api/clients/:clientId/consents/:consentId/withdraw (R-CONS-02). */
export class WithdrawConsentDto implements WithdrawConsentRequest {
  @ApiProperty({ format: 'date', description: 'Niet voor de datum van toestemming en niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  withdrawnOn: string;

  @ApiProperty({ enum: [true], description: 'Bevestiging dat de cliënt de toestemming intrekt' })
  @Equals(true, { message: 'confirm moet true zijn: bevestig de intrekking' })
  confirm: true;
}

/** Paging without a search text: the register has no names to search. */
export class ConsentRegisterQueryDto
  extends OmitType(PageQueryDto, ['q'] as const)
  implements ConsentRegisterQuery
{
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId moet een geldige UUID zijn' })
  clientId?: string;

  @ApiPropertyOptional({ enum: CONSENT_PURPOSES })
  @IsOptional()
  @IsIn(CONSENT_PURPOSES, { message: `purpose moet een van deze zijn: ${CONSENT_PURPOSES.join(', ')}` })
  purpose?: ConsentPurpose;

  @ApiPropertyOptional({ format: 'date', description: 'Alleen toestemmingen die op deze dag geldig zijn' })
  @IsOptional()
  @IsCalendarDate()
  validOn?: string;
}

export class ConsentResponseDto implements ConsentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: ConsentPurpose;
  @ApiProperty({ nullable: true, type: String }) recipient: string | null;
  @ApiProperty({ enum: CONSENT_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty({ format: 'date' }) givenOn: string;
  @ApiProperty({ enum: CONSENT_FORMS }) form: ConsentForm;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) evidenceDocumentId: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceReference: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) withdrawnRecordedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnRecordedByName: string | null;
  @ApiProperty({ description: 'Vandaag geldig: gegeven, niet verlopen, niet ingetrokken' }) valid: boolean;
}

export class ConsentRegisterEntryDto implements ConsentRegisterEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: ConsentPurpose;
  @ApiProperty({ enum: CONSENT_FORMS }) form: ConsentForm;
  @ApiProperty({ format: 'date' }) givenOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnOn: string | null;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty() evidencePresent: boolean;
}

export class ConsentRegisterPageDto implements Page<ConsentRegisterEntry> {
  @ApiProperty({ type: [ConsentRegisterEntryDto] }) items: ConsentRegisterEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
