import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DESTRUCTION_ITEM_STATUSES, type DestructionItemStatus } from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { nl } from '../../../common/validation-messages';
import { trim } from '../../../common/dto/transforms';

export class ExcludeDestructionItemDto {
  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    description: 'waarom dit dossier niet vernietigd wordt; geen namen',
  })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: nl.minLength(10) })
  @MaxLength(1000, { message: nl.maxLength(1000) })
  reason: string;
}

export class DestructionItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DESTRUCTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(DESTRUCTION_ITEM_STATUSES, {
    message: `status moet een van ${DESTRUCTION_ITEM_STATUSES.join(', ')} zijn`,
  })
  status?: DestructionItemStatus;
}

export class CertificateQueryDto {
  @ApiPropertyOptional({ enum: ['pdf', 'json'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'json'], { message: 'format moet pdf of json zijn' })
  format?: 'pdf' | 'json';
}
