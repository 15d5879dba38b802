import { ApiProperty } from '@nestjs/swagger';
import {
  EMERGENCY_REASONS,
  type EmergencyAccessGrant,
  type EmergencyAccessRequest,
  type EmergencyReason,
  isValidBsn,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';

import { nl } from '../../../common/validation-messages';

/** The shortest explanation accepted; the table checks the same (migration FgWorkplace). */
export const MIN_EXPLANATION_LENGTH = 20;
export const MAX_EXPLANATION_LENGTH = 2000;

/** POST /api/emergency-access: the client by exact BSN, a reason from the list and an explanation. */
export class EmergencyAccessRequestDto implements EmergencyAccessRequest {
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

  @ApiProperty({ enum: EMERGENCY_REASONS })
  @IsIn(EMERGENCY_REASONS, {
    message: `reason moet een van deze redenen zijn: ${EMERGENCY_REASONS.join(', ')}`,
  })
  reason: EmergencyReason;

  @ApiProperty({
    minLength: MIN_EXPLANATION_LENGTH,
    maxLength: MAX_EXPLANATION_LENGTH,
    description: 'Waarom de toegang nu nodig is; de FG beoordeelt dit achteraf',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: nl.text })
  @MinLength(MIN_EXPLANATION_LENGTH, {
    message: `explanation moet minstens ${MIN_EXPLANATION_LENGTH} tekens lang zijn: licht toe waarom de toegang nodig is`,
  })
  @MaxLength(MAX_EXPLANATION_LENGTH, { message: nl.maxLength(MAX_EXPLANATION_LENGTH) })
  explanation: string;
}

export class EmergencyAccessGrantDto implements EmergencyAccessGrant {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: EMERGENCY_REASONS }) reason: EmergencyReason;
  @ApiProperty() explanation: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
}
