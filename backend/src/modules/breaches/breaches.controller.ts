import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type DataBreachView, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { uuidPipe } from '../../common/uuid.pipe';
import { BreachesService } from './breaches.service';
import { CreateDataBreachDto, DataBreachDto, DataBreachPageDto, UpdateDataBreachDto } from './dto/breach.dto';

/** R-AUD-05: the breach register, kept by the FG (see breaches.policy.ts). */
@ApiTags('datalekken')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  /** Newest discovery first; `q` searches the description. */
  @Get()
  @Policy('read', 'DataBreach')
  @Audited('search', 'DataBreach', [])
  @ApiOkResponse({ type: DataBreachPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<DataBreachView>> {
    return this.breaches.list(query);
  }

  @Get(':id')
  @Policy('read', 'DataBreach')
  @Audited('read', 'DataBreach', [])
  @ApiOkResponse({ type: DataBreachDto })
  get(@Param('id', uuidPipe) id: string): Promise<DataBreachView> {
    return this.breaches.get(id);
  }

  @Post()
  @Policy('create', 'DataBreach')
  @Audited('create', 'DataBreach', [])
  @ApiCreatedResponse({ type: DataBreachDto })
  create(@Body() dto: CreateDataBreachDto, @CurrentUser() actor: AuthenticatedUser): Promise<DataBreachView> {
    return this.breaches.create(dto, actor);
  }

  /** The follow-up: report to the AP or the reason not to, informing the people concerned, measures. */
  @Patch(':id')
  @Policy('update', 'DataBreach')
  @Audited('update', 'DataBreach', [])
  @ApiOkResponse({ type: DataBreachDto })
  update(@Param('id', uuidPipe) id: string, @Body() dto: UpdateDataBreachDto): Promise<DataBreachView> {
    return this.breaches.update(id, dto);
  }
}
