import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CORRESPONDENCE_DIRECTIONS,
  type CorrespondenceDirection,
  type CreateDossierEntryRequest,
  type DocumentInfo,
  type DossierEntryView,
  type DossierQuery,
  type RecordWhatsappDeletionRequest,
  type UploadDocumentFields,
  DATA_CATEGORIES,
  type DataCategory,
  DOSSIER_ENTRY_KINDS,
  type DossierEntryKind,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

/**
 * Every category a dossier entry can carry: never medical (R-MED-01), never account data, never
 * the Expertisecentrum's outcome (only the outcome record itself is that, R-MED-02).
 */
export const DOSSIER_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => !['medical', 'account', 'diagnosis_outcome'].includes(category),
);

/** Kinds written through POST dossier; documents arrive through the upload. */
export const WRITABLE_KINDS = DOSSIER_ENTRY_KINDS.filter(
  (kind): kind is Exclude<DossierEntryKind, 'document'> => kind !== 'document',
);

export class DossierQueryDto implements DossierQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen de stukken van dit traject' })
  @IsOptional()
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId?: string;

  @ApiPropertyOptional({ enum: DOSSIER_ENTRY_KINDS })
  @IsOptional()
  @IsIn(DOSSIER_ENTRY_KINDS, { message: `kind moet een van deze zijn: ${DOSSIER_ENTRY_KINDS.join(', ')}` })
  kind?: DossierEntryKind;
}

export class CreateDossierEntryDto implements CreateDossierEntryRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId: string;

  @ApiProperty({
    enum: WRITABLE_KINDS,
    description:
      'Een mondelinge rapportage aan een opdrachtgever wordt vastgelegd als gespreksverslag (`note`, R-SHARE-07). Documenten gaan via POST documents.',
  })
  @IsIn(WRITABLE_KINDS, {
    message: `kind moet een van deze zijn: ${WRITABLE_KINDS.join(', ')} (een document voegt u toe met een upload)`,
  })
  kind: Exclude<DossierEntryKind, 'document'>;

  @ApiProperty({
    enum: DOSSIER_CATEGORIES,
    description: 'Moet passen bij de soort (DOSSIER_KIND_CATEGORIES)',
  })
  @IsIn(DOSSIER_CATEGORIES, {
    message: `category moet een van deze zijn: ${DOSSIER_CATEGORIES.join(', ')}`,
  })
  category: DataCategory;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Gesprek over sollicitaties' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  title: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString({ message: nl.text })
  @MaxLength(20000, { message: nl.maxLength(20000) })
  body?: string;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  occurredOn: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Verplicht bij een besluit: de persoon die het besluit nam (R-HUM-01)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(200, { message: nl.maxLength(200) })
  decidedBy?: string;

  @ApiPropertyOptional({ enum: CORRESPONDENCE_DIRECTIONS, description: 'Verplicht bij correspondentie' })
  @IsOptional()
  @IsIn(CORRESPONDENCE_DIRECTIONS, {
    message: `correspondenceDirection moet een van deze zijn: ${CORRESPONDENCE_DIRECTIONS.join(', ')}`,
  })
  correspondenceDirection?: CorrespondenceDirection;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Verplicht bij correspondentie: afzender of ontvanger',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(200, { message: nl.maxLength(200) })
  counterparty?: string;
}

/** The text fields of the multipart upload (besides `file`); multipart fields are always text. */
export class UploadDocumentDto implements UploadDocumentFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId: string;

  @ApiProperty({ enum: DOSSIER_CATEGORIES })
  @IsIn(DOSSIER_CATEGORIES, {
    message: `category moet een van deze zijn: ${DOSSIER_CATEGORIES.join(', ')}`,
  })
  category: DataCategory;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(200, { message: nl.maxLength(200) })
  title: string;

  @ApiProperty({ format: 'date', description: 'Datum van het stuk; niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  occurredOn: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'R-CONS-04: ontvangen via WhatsApp' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'receivedViaWhatsapp moet "true" of "false" zijn' })
  receivedViaWhatsapp?: 'true' | 'false';

  @ApiPropertyOptional({
    format: 'date',
    description: 'R-CONS-04: wanneer het stuk uit WhatsApp is verwijderd (alleen bij ontvangst via WhatsApp)',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  whatsappDeletedOn?: string;
}

export class WhatsappDeletionDto implements RecordWhatsappDeletionRequest {
  @ApiProperty({
    format: 'date',
    description: 'R-CONS-04: de dag waarop het stuk uit WhatsApp is verwijderd',
  })
  @IsCalendarDate()
  @NotInFuture()
  whatsappDeletedOn: string;
}

export class DocumentInfoDto implements DocumentInfo {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 van de inhoud (hex), bij elke download opnieuw gecontroleerd' })
  sha256: string;
  @ApiProperty() receivedViaWhatsapp: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) whatsappDeletedOn: string | null;
}

export class DossierEntryResponseDto implements DossierEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ enum: DOSSIER_ENTRY_KINDS }) kind: DossierEntryKind;
  @ApiProperty({ enum: DOSSIER_CATEGORIES }) category: DataCategory;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'R-HUM-01: wie het besluit nam' })
  decidedBy: string | null;
  @ApiProperty({ enum: CORRESPONDENCE_DIRECTIONS, nullable: true })
  correspondenceDirection: CorrespondenceDirection | null;
  @ApiProperty({ nullable: true, type: String }) counterparty: string | null;
  @ApiProperty({ type: DocumentInfoDto, nullable: true }) document: DocumentInfoDto | null;
}
