import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CompleteDsrRequest,
  type CreateDsrRequest,
  DESTRUCTION_LIST_STATUSES,
  type DestructionListStatus,
  DSR_CHANNELS,
  DSR_OUTCOMES,
  DSR_TYPES,
  type DsrChannel,
  type DsrErasureList,
  type DsrOutcome,
  type DsrRequestView,
  type DsrStatus,
  type DsrType,
  type ExtendDsrRequest,
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
  type VerifyDsrIdentityRequest,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import { trim } from '../../../common/dto/transforms';
import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';

const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateDsrRequestDto implements CreateDsrRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'clientId moet een geldige UUID zijn' })
  clientId: string;

  @ApiProperty({ enum: DSR_TYPES })
  @IsIn(DSR_TYPES, { message: `type moet een van deze zijn: ${DSR_TYPES.join(', ')}` })
  type: DsrType;

  @ApiProperty({ enum: DSR_CHANNELS })
  @IsIn(DSR_CHANNELS, { message: `channel moet een van deze zijn: ${DSR_CHANNELS.join(', ')}` })
  channel: DsrChannel;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsCalendarDate()
  @NotInFuture()
  receivedOn: string;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  description: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Bij bezwaar verplicht: tegen welke verwerking' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(500, { message: nl.maxLength(500) })
  processingObjectedTo?: string;
}

export class VerifyDsrIdentityDto implements VerifyDsrIdentityRequest {
  @ApiProperty({ enum: ID_DOCUMENT_TYPES })
  @IsIn(ID_DOCUMENT_TYPES, {
    message: `documentType moet een van deze zijn: ${ID_DOCUMENT_TYPES.join(', ')}`,
  })
  documentType: IdDocumentType;

  @ApiPropertyOptional({
    description: 'Hoogstens de laatste vier tekens van het documentnummer',
    example: '12AB',
  })
  @IsOptional()
  @Transform(upper)
  @IsString({ message: nl.text })
  @Matches(/^[A-Z0-9]{1,4}$/, {
    message:
      'documentNumberEnd mag hoogstens de laatste vier letters of cijfers van het documentnummer bevatten',
  })
  documentNumberEnd?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  @NotInFuture()
  seenOn: string;
}

export class ExtendDsrRequestDto implements ExtendDsrRequest {
  @ApiProperty({ enum: [1, 2] })
  @Type(() => Number)
  @IsInt({ message: 'months moet 1 of 2 zijn' })
  @IsIn([1, 2], { message: 'months moet 1 of 2 zijn: hoogstens twee maanden uitstel (R-DSR-03)' })
  months: 1 | 2;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: 'reason is verplicht: uitstel vraagt een reden (R-DSR-03)' })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  reason: string;
}

export class CompleteDsrRequestDto implements CompleteDsrRequest {
  @ApiProperty({ enum: DSR_OUTCOMES })
  @IsIn(DSR_OUTCOMES, { message: `outcome moet een van deze zijn: ${DSR_OUTCOMES.join(', ')}` })
  outcome: DsrOutcome;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Verplicht bij (deels) afwijzen' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  ground?: string;
}

export class DsrListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'completed'] })
  @IsOptional()
  @IsIn(['open', 'completed'], { message: 'status moet open of completed zijn' })
  status?: 'open' | 'completed';
}

class DsrIdentityCheckDto {
  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) documentType: IdDocumentType;
  @ApiProperty({ type: String, nullable: true }) documentNumberEnd: string | null;
  @ApiProperty({ format: 'date' }) seenOn: string;
  @ApiProperty() verifiedByName: string;
}

class DsrErasureListDto implements DsrErasureList {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VV-2026-0002' }) reference: string;
  @ApiProperty({ enum: DESTRUCTION_LIST_STATUSES }) status: DestructionListStatus;
  @ApiProperty() hasCertificate: boolean;
}

export class DsrRequestViewDto implements DsrRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'AVG-2026-000001' }) reference: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'leeg na vernietiging' })
  clientId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'pseudoniem van een vernietigd dossier' })
  dossierRef: string | null;
  @ApiProperty({ enum: DSR_TYPES }) type: DsrType;
  @ApiProperty({ enum: DSR_CHANNELS }) channel: DsrChannel;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) processingObjectedTo: string | null;
  @ApiProperty({ format: 'date', description: 'R-DSR-03: de geldende termijn' }) dueOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) extendedDueOn: string | null;
  @ApiProperty({ type: String, nullable: true }) extensionReason: string | null;
  @ApiProperty() daysLeft: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: DsrIdentityCheckDto, nullable: true }) identity: DsrIdentityCheckDto | null;
  @ApiProperty({ enum: ['open', 'completed'] }) status: DsrStatus;
  @ApiProperty({ enum: DSR_OUTCOMES, nullable: true }) outcome: DsrOutcome | null;
  @ApiProperty({ type: String, nullable: true }) outcomeGround: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) completedByName: string | null;
  @ApiProperty() registeredByName: string;
  @ApiProperty({ type: DsrErasureListDto, nullable: true }) erasureList: DsrErasureListDto | null;
}
