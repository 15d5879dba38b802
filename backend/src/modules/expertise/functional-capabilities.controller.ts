import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FunctionalCapabilityView } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import {
  CreateFunctionalCapabilityDto,
  FunctionalCapabilityResponseDto,
} from './dto/functional-capability.dto';
import { FunctionalCapabilitiesService } from './functional-capabilities.service';

/** R-MED-05: what the client can and cannot do in relation to work; never a diagnosis. */
@ApiTags('expertisecentrum')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId/functional-capabilities')
export class FunctionalCapabilitiesController {
  constructor(private readonly capabilities: FunctionalCapabilitiesService) {}

  @Get()
  @Policy('read', 'FunctionalCapability')
  @Audited('read', 'FunctionalCapability', ['health_functional'])
  @ApiOkResponse({ type: [FunctionalCapabilityResponseDto], description: 'Nieuwste beoordeling eerst' })
  list(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<FunctionalCapabilityView[]> {
    return this.capabilities.list(ability, clientId);
  }

  @Post()
  @Policy('create', 'FunctionalCapability')
  @Audited('create', 'FunctionalCapability', ['health_functional'])
  @ApiCreatedResponse({
    type: FunctionalCapabilityResponseDto,
    description:
      'Een nieuwe beoordeling (de geschiedenis blijft). Er is geen veld voor een diagnose; onbekende velden geven 400 (R-MED-05)',
  })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateFunctionalCapabilityDto,
  ): Promise<FunctionalCapabilityView> {
    return this.capabilities.create(ability, actor, clientId, dto);
  }
}
