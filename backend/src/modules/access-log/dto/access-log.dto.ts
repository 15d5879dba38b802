import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AccessLogEntry,
  type AccessLogQuery,
  AUDIT_ACTIONS,
  AUDIT_GROUND_KINDS,
  AUDIT_RESULTS,
  type AuditAction,
  type AuditGroundKind,
  type AuditResult,
  type ClientAccessOverview,
  type ClientAccessOverviewEntry,
  DATA_CATEGORIES,
  type DataCategory,
  isValidBsn,
  ROLES,
  type Role,
} from '@werkpad/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate } from '../../trajectories/dto/calendar-date';

/** Search results are paged; a page of the log holds at most this many rows. */
export const ACCESS_LOG_MAX_PAGE_SIZE = 200;

const oneOf = (field: string, values: readonly string[]): string =>
  `${field} moet een van deze zijn: ${values.join(', ')}`;

/** `to` may not lie before `from` (both Dutch calendar days, so text comparison is exact). */
const NotBeforeFrom = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        return typeof value !== 'string' || typeof from !== 'string' || value >= from;
      },
      defaultMessage: () => 'to mag niet vóór from liggen',
    },
  });

/**
 * The FG's search of the access log (R-AUD-03). Every filter is optional; `from` and `to` are
 * Dutch calendar days, `to` included.
 */
export class AccessLogQueryDto implements AccessLogQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen regels over deze cliënt' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId moet een geldige UUID zijn' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen regels van deze gebruiker' })
  @IsOptional()
  @IsUUID('all', { message: 'userId moet een geldige UUID zijn' })
  userId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Rol die de gebruiker op dat moment had' })
  @IsOptional()
  @IsIn(ROLES, { message: oneOf('role', ROLES) })
  role?: Role;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: oneOf('action', AUDIT_ACTIONS) })
  action?: AuditAction;

  @ApiPropertyOptional({
    enum: DATA_CATEGORIES,
    description: 'Gegevenscategorie die werd getoond of gewijzigd',
  })
  @IsOptional()
  @IsIn(DATA_CATEGORIES, { message: oneOf('category', DATA_CATEGORIES) })
  category?: DataCategory;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS, description: 'Toegestaan, geweigerd of mislukt' })
  @IsOptional()
  @IsIn(AUDIT_RESULTS, { message: oneOf('result', AUDIT_RESULTS) })
  result?: AuditResult;

  @ApiPropertyOptional({
    enum: AUDIT_GROUND_KINDS,
    description: 'Soort grondslag; "emergency" is noodtoegang',
  })
  @IsOptional()
  @IsIn(AUDIT_GROUND_KINDS, { message: oneOf('groundKind', AUDIT_GROUND_KINDS) })
  groundKind?: AuditGroundKind;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-01',
    description: 'Eerste dag (vanaf 00:00 Nederlandse tijd)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-31',
    description: 'Laatste dag, inbegrepen (tot 24:00 Nederlandse tijd)',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc', description: 'Nieuwste eerst tenzij asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: oneOf('order', ['asc', 'desc']) })
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100000) })
  @Min(1, { message: nl.integerBetween(1, 100000) })
  @Max(100000, { message: nl.integerBetween(1, 100000) })
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: ACCESS_LOG_MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, ACCESS_LOG_MAX_PAGE_SIZE) })
  @Min(1, { message: nl.integerBetween(1, ACCESS_LOG_MAX_PAGE_SIZE) })
  @Max(ACCESS_LOG_MAX_PAGE_SIZE, { message: nl.integerBetween(1, ACCESS_LOG_MAX_PAGE_SIZE) })
  pageSize = 50;
}

export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The same filters as the search (paging is ignored), plus the file format. */
export class AccessLogExportQueryDto extends AccessLogQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: oneOf('format', EXPORT_FORMATS) })
  format: ExportFormat;
}

/** POST /api/access-log/client-lookup: the FG finds a client id by exact BSN (blind index). */
export class ClientLookupDto {
  @ApiProperty({ example: '111222333', description: 'Negen cijfers die de 11-proef doorstaan' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s+/g, '') : value,
  )
  @IsString({ message: nl.text })
  @ValidateBy({
    name: 'isBsn',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidBsn(value),
      defaultMessage: () => 'bsn moet een geldig burgerservicenummer zijn (9 cijfers, 11-proef)',
    },
  })
  bsn: string;
}

export class ClientLookupResponseDto {
  @ApiProperty({ format: 'uuid' }) clientId: string;
}

class AuditGroundDto {
  @ApiProperty({ enum: AUDIT_GROUND_KINDS }) kind: AuditGroundKind;
  @ApiProperty() reference: string;
}

export class AccessLogEntryDto implements AccessLogEntry {
  @ApiProperty({ description: 'Volgnummer in de keten' }) seq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [String], description: "Cliënt-id's; nooit namen of inhoud" })
  subjectClientIds: string[];
  @ApiProperty() objectType: string;
  @ApiProperty({ nullable: true, type: String }) objectId: string | null;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty({ enum: AUDIT_RESULTS }) result: AuditResult;
  @ApiProperty({ type: AuditGroundDto, nullable: true }) ground: AuditGroundDto | null;
  @ApiProperty({ nullable: true, type: String }) route: string | null;
  @ApiProperty({ nullable: true, type: Number }) httpStatus: number | null;
  @ApiProperty({ description: 'Gedaan onder noodtoegang' }) emergency: boolean;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items: AccessLogEntryDto[];
  @ApiProperty({
    description:
      'Aantal gevonden regels, begrensd: 10001 betekent "meer dan 10 000" (de interface toont 10.000+)',
    maximum: 10001,
  })
  total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ClientAccessOverviewEntryDto implements ClientAccessOverviewEntry {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'Gemeente – inkomen' }) organisationUnit: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty({ enum: AUDIT_RESULTS }) result: AuditResult;
  @ApiProperty({ type: AuditGroundDto, nullable: true }) ground: AuditGroundDto | null;
  @ApiProperty() emergency: boolean;
}

export class ClientAccessOverviewDto implements ClientAccessOverview {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: [ClientAccessOverviewEntryDto], description: 'Oudste eerst, hoogstens 1000' })
  entries: ClientAccessOverviewEntryDto[];
  @ApiProperty({ description: 'Alle logregels over de cliënt' }) total: number;
}
