import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type ClientRetention,
  type ErasureAssessment,
  type LegalHoldView,
  type RetentionOverview,
  type RetentionPolicies,
  type RetentionPolicyView,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { ClientAccess } from '../clients/client-access.service';
import {
  ChangeRetentionPolicyDto,
  LiftLegalHoldDto,
  RetentionOverviewQueryDto,
  SetLegalHoldDto,
} from './dto/retention.dto';
import { RetentionService } from './retention.service';

/** R-RET-01..03, R-RET-06: retention policy, dates, holds and the erasure assessment. */
@ApiTags('bewaartermijnen')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller()
export class RetentionController {
  constructor(
    private readonly retention: RetentionService,
    private readonly clients: ClientAccess,
  ) {}

  @Get('retention/policies')
  @Policy('read', 'RetentionPolicy')
  @Audited('read', 'RetentionPolicy', [])
  @ApiOkResponse({ description: 'de huidige termijnen en alle eerdere versies' })
  policies(): Promise<RetentionPolicies> {
    return this.retention.policies();
  }

  /** A new version of one period; it applies to every date computed from now on. */
  @Post('retention/policies')
  @Policy('update', 'RetentionPolicy')
  @Audited('update', 'RetentionPolicy', [])
  @ApiCreatedResponse({ description: 'de nieuwe versie' })
  changePolicy(
    @Body() dto: ChangeRetentionPolicyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<RetentionPolicyView> {
    return this.retention.changePolicy(dto, actor);
  }

  /** Dossiers by state; the records manager sees names, the FG pseudonymous references only. */
  @Get('retention/overview')
  @Policy('read', 'DestructionList')
  @Audited('search', 'Client', [])
  @ApiOkResponse({ description: 'dossiers per bewaarstatus' })
  overview(
    @Query() query: RetentionOverviewQueryDto,
    @CurrentAbility() ability: AppAbility,
  ): Promise<RetentionOverview> {
    return this.retention.overview(query, ability.can('read', 'Client'));
  }

  @Get('clients/:clientId/retention')
  @Policy('read', 'LegalHold')
  @Audited('read', 'Client', [])
  @ApiOkResponse({ description: 'bewaartermijnen en blokkades van de cliënt' })
  async clientRetention(
    @Param('clientId', uuidPipe) clientId: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ClientRetention> {
    this.clients.requireCategory(await this.clients.find(ability, clientId), 'identity', 'read');
    return this.retention.clientRetention(clientId);
  }

  /** R-RET-03: suspends destruction of the client or one of its trajectories. */
  @Post('clients/:clientId/legal-holds')
  @Policy('create', 'LegalHold')
  @Audited('create', 'LegalHold', [])
  @ApiCreatedResponse({ description: 'de blokkade' })
  async setHold(
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: SetLegalHoldDto,
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<LegalHoldView> {
    await this.clients.find(ability, clientId);
    return this.retention.setHold(clientId, dto, actor);
  }

  @Post('legal-holds/:id/lift')
  @HttpCode(200)
  @Policy('update', 'LegalHold')
  @Audited('update', 'LegalHold', [])
  @ApiOkResponse({ description: 'de opgeheven blokkade' })
  async liftHold(
    @Param('id', uuidPipe) id: string,
    @Body() dto: LiftLegalHoldDto,
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<LegalHoldView> {
    await this.clients.find(ability, await this.retention.holdClient(id));
    return this.retention.liftHold(id, dto, actor);
  }

  /** R-RET-06: what erasure on request can remove now, and what must be kept, with the ground. */
  @Get('clients/:clientId/erasure-assessment')
  @Policy('update', 'RetentionPolicy')
  @Audited('read', 'Client', [])
  @ApiOkResponse({ description: 'wat nu gewist kan worden en wat bewaard moet blijven' })
  async erasureAssessment(
    @Param('clientId', uuidPipe) clientId: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ErasureAssessment> {
    await this.clients.find(ability, clientId);
    return this.retention.erasureAssessment(clientId);
  }
}
