import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WHATSAPP_SUBJECTS, type WhatsappContactRequest, type WhatsappSubject } from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { IsCalendarDate, NotInFuture } from '../../trajectories/dto/calendar-date';
import { trim } from '../../../common/dto/transforms';

export const WHATSAPP_APPOINTMENTS_ONLY = 'Via WhatsApp worden alleen afspraken gemaakt (R-CONS-04)';

/** POST /api/clients/:clientId/whatsapp-contacts: an appointment made via WhatsApp (R-CONS-04). */
export class WhatsappContactDto implements WhatsappContactRequest {
  @ApiProperty({ format: 'uuid', description: 'Een traject van deze cliënt' })
  @IsUUID('all', { message: 'trajectoryId moet een geldige UUID zijn' })
  trajectoryId: string;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Niet in de toekomst' })
  @IsCalendarDate()
  @NotInFuture()
  occurredOn: string;

  @ApiProperty({ enum: WHATSAPP_SUBJECTS, description: WHATSAPP_APPOINTMENTS_ONLY })
  @IsIn(WHATSAPP_SUBJECTS, { message: WHATSAPP_APPOINTMENTS_ONLY })
  subject: WhatsappSubject;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Afspraak dinsdag 10:00 op kantoor',
    description: 'Korte praktische notitie (tijd, plaats); geen inhoudelijke stukken of besluiten',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: nl.text })
  @MaxLength(500, { message: nl.maxLength(500) })
  note?: string;
}
