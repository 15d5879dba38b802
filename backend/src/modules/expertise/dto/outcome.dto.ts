import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type DiagnosisOutcomeView,
  type FinalizeDiagnosisOutcomeRequest,
  type OutcomeSentToClientRequest,
  type OutcomeStatus,
  type SaveDiagnosisOutcomeRequest,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { Equals, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

/** Shown in the API docs next to both text fields: what may and may not be written here. */
export const OUTCOME_TEXT_HINT =
  'Vrije tekst die het Expertisecentrum verlaat (coach, inkomensconsulent, opdrachtgever, cliënt): ' +
  'alleen de uitkomst en het advies. Nooit het onderzoek zelf, medische gegevens, diagnoses of namen ' +
  'van aandoeningen: die horen in de medische dossierstukken (R-MED-02, R-MED-03).';

const VERSION = { message: nl.integerBetween(1, 1_000_000) };

/** PUT /api/expertise/trajectories/:trajectoryId/outcome: save the draft. */
export class SaveDiagnosisOutcomeDto implements SaveDiagnosisOutcomeRequest {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: `Conclusie. ${OUTCOME_TEXT_HINT}` })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(5000, { message: nl.maxLength(5000) })
  conclusion: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, description: `Advies. ${OUTCOME_TEXT_HINT}` })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(1, { message: nl.minLength(1) })
  @MaxLength(5000, { message: nl.maxLength(5000) })
  advice: string;

  @ApiPropertyOptional({
    minimum: 1,
    description:
      'Leeg bij de eerste keer opslaan; daarna de versie waarmee de bewerking begon (409 als verouderd)',
  })
  @IsOptional()
  @IsInt(VERSION)
  @Min(1, VERSION)
  @Max(1_000_000, VERSION)
  expectedVersion?: number;
}

/** POST .../outcome/finalize: after this the outcome no longer changes and may go out. */
export class FinalizeDiagnosisOutcomeDto implements FinalizeDiagnosisOutcomeRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt(VERSION)
  @Min(1, VERSION)
  @Max(1_000_000, VERSION)
  expectedVersion: number;

  @ApiProperty({ enum: [true], description: 'Bevestiging: definitief maken kan niet worden teruggedraaid' })
  @Equals(true, { message: 'confirm moet true zijn: bevestig het definitief maken' })
  confirm: true;
}

/** POST .../outcome/sent-to-client (R-MED-03: the client receives the outcome too). */
export class OutcomeSentToClientDto implements OutcomeSentToClientRequest {
  @ApiProperty({ format: 'date', description: 'Niet voor het definitief maken en niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  sentOn: string;
}

export class DiagnosisOutcomeResponseDto implements DiagnosisOutcomeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: OUTCOME_TEXT_HINT }) conclusion: string;
  @ApiProperty({ description: OUTCOME_TEXT_HINT }) advice: string;
  @ApiProperty({ enum: ['draft', 'final'] }) status: OutcomeStatus;
  @ApiProperty() version: number;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedByName: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finalizedAt: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) sentToClientOn: string | null;
}
