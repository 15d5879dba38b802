import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATA_CATEGORIES,
  INBURGERING_STATUSES,
  type InburgeringStatus,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';

/**
 * A client as the API returns it (ClientView): only the fields of the categories the caller may
 * see of this client are present; `categories` names them. Absent means "not shown", never empty.
 */
export class ClientViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) coachId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) incomeConsultantId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) coachName?: string | null;
  @ApiPropertyOptional({ enum: DATA_CATEGORIES, isArray: true, description: 'getoonde categorieën' })
  categories?: string[];
  @ApiPropertyOptional({
    enum: DATA_CATEGORIES,
    isArray: true,
    description: 'alle categorieën die de gebruiker van deze cliënt mag zien (alleen bij het dossier)',
  })
  readableCategories?: string[];
  @ApiPropertyOptional() firstName?: string;
  @ApiPropertyOptional() lastName?: string;
  @ApiPropertyOptional({ format: 'date' }) dateOfBirth?: string;
  @ApiPropertyOptional({ example: '******782', description: 'BSN, gemaskeerd' }) bsnMasked?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nationality?: string | null;
  @ApiPropertyOptional() city?: string;
  @ApiPropertyOptional() street?: string;
  @ApiPropertyOptional() houseNumber?: string;
  @ApiPropertyOptional({ example: '6711 AA' }) postcode?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email?: string | null;
  @ApiPropertyOptional({ enum: TRAJECTORY_TYPES, isArray: true }) openTrajectoryTypes?: TrajectoryType[];
  @ApiPropertyOptional({ nullable: true, enum: LANGUAGE_LEVELS }) dutchLanguageLevel?: LanguageLevel | null;
  @ApiPropertyOptional({ nullable: true, enum: INBURGERING_STATUSES })
  inburgeringStatus?: InburgeringStatus | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) drivingLicence?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) transport?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) availabilityHoursPerWeek?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) availabilityNotes?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cvLink?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) educationLevel?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) hasDebts?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) debtNotes?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lifeDomainsNotes?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) functionalLimitations?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'NL** **** **** **43 00' })
  ibanMasked?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientViewDto] }) items: ClientViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class FieldChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Client' }) entityType: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'city' }) field: string;
  @ApiProperty({ enum: DATA_CATEGORIES }) category: string;
  @ApiProperty({ nullable: true, type: String }) oldValue: string | null;
  @ApiProperty({ nullable: true, type: String }) newValue: string | null;
  @ApiProperty({ format: 'uuid' }) changedBy: string;
  @ApiProperty() changedByName: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Jan de Vries' }) displayName: string;
}

export class BsnRevealDto {
  @ApiProperty({ example: '123456782' }) bsn: string;
}
