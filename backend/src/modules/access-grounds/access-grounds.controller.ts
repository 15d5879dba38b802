import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AccessGround, DATA_CATEGORIES, type DataCategory } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { AccessGroundsService } from './access-grounds.service';

class GroundDto {
  @ApiProperty({ enum: ['role_policy'] }) kind: 'role_policy';
  @ApiProperty({ description: 'de regel die de categorie zichtbaar maakt' }) reference: string;
}

class AccessGroundDto implements AccessGround {
  @ApiProperty({ enum: DATA_CATEGORIES }) category: DataCategory;
  @ApiProperty({ type: [GroundDto] }) grounds: GroundDto[];
}

@ApiTags('cliënten')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients')
export class AccessGroundsController {
  constructor(private readonly grounds: AccessGroundsService) {}

  /** "Waarom zie ik dit": each category the caller sees of this client and the rule that grants it. */
  @Get(':id/access-grounds')
  @Policy('read', 'Client')
  @Audited('read', 'AccessGround', [])
  @ApiOkResponse({ type: [AccessGroundDto] })
  list(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<AccessGround[]> {
    return this.grounds.forClient(ability, id);
  }
}
