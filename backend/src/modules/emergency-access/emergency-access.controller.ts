import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type EmergencyAccessGrant } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { EmergencyAccessGrantDto, EmergencyAccessRequestDto } from './dto/emergency-access.dto';
import { EmergencyAccessService } from './emergency-access.service';

/** Break-the-glass: time-limited, read-only access to one client outside the own scope. */
@ApiTags('noodtoegang')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('emergency-access')
export class EmergencyAccessController {
  constructor(private readonly emergency: EmergencyAccessService) {}

  @Post()
  @Policy('create', 'EmergencyAccess')
  @Audited('create', 'EmergencyAccess', [])
  @ApiCreatedResponse({ type: EmergencyAccessGrantDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'De cliënt valt al binnen uw toegang' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: EmergencyAccessRequestDto,
  ): Promise<EmergencyAccessGrant> {
    return this.emergency.create(user, dto);
  }

  @Get('mine')
  @Policy('read', 'EmergencyAccess')
  @Audited('read', 'EmergencyAccess', [])
  @ApiOkResponse({ type: [EmergencyAccessGrantDto] })
  mine(@CurrentAbility() ability: AppAbility): Promise<EmergencyAccessGrant[]> {
    return this.emergency.mine(ability);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Policy('update', 'EmergencyAccess')
  @Audited('update', 'EmergencyAccess', [])
  @ApiOkResponse({ type: EmergencyAccessGrantDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Al beëindigd of verlopen' })
  end(
    @CurrentAbility() ability: AppAbility,
    @Param('id', uuidPipe) id: string,
  ): Promise<EmergencyAccessGrant> {
    return this.emergency.end(ability, id);
  }
}
