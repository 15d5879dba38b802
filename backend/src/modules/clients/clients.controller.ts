import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type BsnReveal,
  type ClientView,
  type DataCategory,
  type FieldChange,
  type Page,
  type StaffMember,
} from '@werkpad/shared';

import { Audited, NoAudit } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { ASSIGNMENT_CATEGORY, ClientAssignmentService } from './client-assignment.service';
import { ClientSearchService } from './client-search.service';
import { ClientsService } from './clients.service';
import { ClientAssignmentDto } from './dto/client-assignment.dto';
import { ClientListQueryDto, StaffQueryDto } from './dto/client-query.dto';
import { CreateClientDto, UpdateClientDto } from './dto/client-write.dto';
import { BsnRevealDto, ClientPageDto, ClientViewDto, FieldChangeDto, StaffMemberDto } from './dto/client.dto';

/** What a caseload row can show; the audit row records what a request actually showed. */
const SUMMARY_CATEGORIES: readonly DataCategory[] = ['identity', 'contact', 'progress'];

/** Every category a client file field belongs to (the declared maximum of a file read or write). */
const FILE_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'progress',
  'language_inburgering',
  'availability_transport',
  'work_history',
  'education',
  'financial',
  'life_domains',
  'health_functional',
  'religion',
  'payroll',
];

/** Client files (issue 3): caseload, search, the file itself, its history, BSN and assignment. */
@ApiTags('cliënten')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly search: ClientSearchService,
    private readonly assignment: ClientAssignmentService,
  ) {}

  @Get()
  @Policy('read', 'Client')
  @Audited('search', 'Client', SUMMARY_CATEGORIES)
  @ApiOkResponse({ type: ClientPageDto })
  list(@CurrentAbility() ability: AppAbility, @Query() query: ClientListQueryDto): Promise<Page<ClientView>> {
    return this.search.list(ability, query);
  }

  /** Declared before ':id' so that "staff" is not taken for an id. */
  @Get('staff')
  @Policy('read', 'Client')
  @NoAudit('staff names for dropdowns only; no client data')
  @ApiOkResponse({ type: [StaffMemberDto] })
  staff(@Query() query: StaffQueryDto): Promise<StaffMember[]> {
    return this.assignment.staff(query.role);
  }

  @Get(':id')
  @Policy('read', 'Client')
  @Audited('read', 'Client', FILE_CATEGORIES)
  @ApiOkResponse({ type: ClientViewDto })
  get(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<ClientView> {
    return this.clients.get(ability, id);
  }

  @Post()
  @Policy('create', 'Client')
  @Audited('create', 'Client', FILE_CATEGORIES)
  @ApiCreatedResponse({ type: ClientViewDto })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateClientDto,
  ): Promise<ClientView> {
    return this.clients.create(ability, user, dto);
  }

  @Patch(':id')
  @Policy('update', 'Client')
  @Audited('update', 'Client', FILE_CATEGORIES)
  @ApiOkResponse({ type: ClientViewDto })
  update(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateClientDto,
  ): Promise<ClientView> {
    return this.clients.update(ability, user, id, dto);
  }

  @Get(':id/history')
  @Policy('read', 'Client')
  @Audited('read', 'FieldChange', FILE_CATEGORIES)
  @ApiOkResponse({ type: [FieldChangeDto] })
  history(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<FieldChange[]> {
    return this.clients.history(ability, id);
  }

  @Post(':id/bsn-reveal')
  @HttpCode(200)
  @Policy('reveal', 'Client')
  @Audited('read', 'Client', ['identity'])
  @ApiOkResponse({ type: BsnRevealDto })
  revealBsn(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<BsnReveal> {
    return this.clients.revealBsn(ability, id);
  }

  @Put(':id/assignment')
  @Policy('assign', 'Client')
  @Audited('update', 'Client', [ASSIGNMENT_CATEGORY])
  @ApiOkResponse({ type: ClientViewDto })
  assign(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ClientAssignmentDto,
  ): Promise<ClientView> {
    return this.assignment.assign(ability, user, id, dto);
  }
}
