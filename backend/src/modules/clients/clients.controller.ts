import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ClientView, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility } from '../../authz/policy.types';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { uuidPipe } from '../../common/uuid.pipe';
import { ClientsService } from './clients.service';
import { ClientPageDto, ClientSummaryDto } from './dto/client.dto';
import { ApiGuardedErrors } from '../../common/api-docs';

@ApiTags('cliënten')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Policy('read', 'Client')
  @Audited('search', 'Client', ['identity', 'contact'])
  @ApiOkResponse({ type: ClientPageDto })
  list(@CurrentAbility() ability: AppAbility, @Query() query: PageQueryDto): Promise<Page<ClientView>> {
    return this.clients.list(ability, query);
  }

  @Get(':id')
  @Policy('read', 'Client')
  @Audited('read', 'Client', ['identity', 'contact'])
  @ApiOkResponse({ type: ClientSummaryDto })
  get(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<ClientView> {
    return this.clients.get(ability, id);
  }
}
