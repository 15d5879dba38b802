import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ExpertiseAssignmentRequest,
  type ExpertiseAssignmentRow,
  type ExpertiseConsentStatus,
  type ExpertiseTrajectoryDetail,
  type ExpertiseTrajectorySummary,
  type OutcomeStatus,
} from '@werkpad/shared';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

const OUTCOME_STATUSES: readonly OutcomeStatus[] = ['draft', 'final'];
const TRAJECTORY_STATUS_FILTER = ['open', 'closed'] as const;

/** GET /api/expertise/trajectories?status=open|closed */
export class ExpertiseTrajectoryQueryDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUS_FILTER, description: 'Zonder waarde: alle' })
  @IsOptional()
  @IsIn(TRAJECTORY_STATUS_FILTER, { message: 'status moet open of closed zijn' })
  status?: (typeof TRAJECTORY_STATUS_FILTER)[number];
}

/** PUT /api/trajectories/:id/expertise-assignment */
export class ExpertiseAssignmentDto implements ExpertiseAssignmentRequest {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Een actieve gebruiker met de rol expertise, of null om de toewijzing op te heffen',
  })
  @ValidateIf((dto: ExpertiseAssignmentDto) => dto.expertiseUserId !== null)
  @IsUUID('all', { message: 'expertiseUserId moet een geldige UUID zijn, of null' })
  expertiseUserId: string | null;
}

export class ExpertiseTrajectorySummaryDto implements ExpertiseTrajectorySummary {
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) coachName: string | null;
  @ApiProperty({ enum: OUTCOME_STATUSES, nullable: true }) outcomeStatus: OutcomeStatus | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'R-RET-01: het dossier van de arbeidsdiagnose, 2 jaar na afsluiten; leeg zolang open',
  })
  dossierDestructionDate: string | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'R-RET-01: de medische gegevens, 15 jaar na afsluiten; leeg zolang open',
  })
  medicalDestructionDate: string | null;
}

export class ExpertiseConsentStatusDto implements ExpertiseConsentStatus {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: ConsentPurpose;
  @ApiProperty({ description: 'Vandaag geldig' }) valid: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) consentId: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) givenOn: string | null;
  @ApiProperty({ nullable: true, type: String }) recipient: string | null;
}

export class ExpertiseTrajectoryDetailDto
  extends ExpertiseTrajectorySummaryDto
  implements ExpertiseTrajectoryDetail
{
  @ApiProperty() legalBasis: string;
  @ApiProperty({ format: 'date' }) clientDateOfBirth: string;
  @ApiProperty({
    type: [ExpertiseConsentStatusDto],
    description: 'Per doel (onderzoek, opvragen bij huisarts, gezondheidsgegevens naar opdrachtgever)',
  })
  consents: ExpertiseConsentStatusDto[];
}

export class ExpertiseAssignmentRowDto implements ExpertiseAssignmentRow {
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: 'Alleen de naam: functioneel beheer ziet niets van het onderzoek' })
  clientName: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) expertiseUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) expertiseUserName: string | null;
}
