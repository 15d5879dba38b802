import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type DisclosureDecision,
  type DisclosurePackage,
  type DisclosureResult,
  type DisclosureView,
  type Page,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { DisclosureRefusedFilter } from './disclosure-refused';
import { DisclosureRegisterService } from './disclosure-register.service';
import { DisclosuresService } from './disclosures.service';
import {
  DisclosureDecisionDto,
  DisclosurePackageDto,
  DisclosureRefusalDto,
  DisclosureRegisterPageDto,
  DisclosureRegisterQueryDto,
  DisclosureRequestDto,
  DisclosureResultDto,
  DisclosureViewDto,
  RecordReportReviewDto,
} from './dto/disclosure.dto';

/**
 * Disclosures of a client's data to parties outside the file team (R-SHARE-01..08): decided from
 * the sharing rules, recorded in the register with the package's digest.
 */
@ApiTags('verstrekkingen')
@ApiBearerAuth()
@ApiGuardedErrors()
@UseFilters(DisclosureRefusedFilter)
@Controller('clients/:clientId/disclosures')
export class DisclosuresController {
  constructor(private readonly disclosures: DisclosuresService) {}

  @Post('decision')
  @HttpCode(200)
  @Policy('create', 'Disclosure')
  @Audited('read', 'Disclosure', [])
  @ApiOkResponse({
    type: DisclosureDecisionDto,
    description: 'Wat mag en wat niet, per categorie met de regel of de reden; er wordt niets vastgelegd',
  })
  decide(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: DisclosureRequestDto,
  ): Promise<DisclosureDecision> {
    return this.disclosures.decide(ability, actor, clientId, dto);
  }

  @Post()
  @Policy('create', 'Disclosure')
  @Audited('create', 'Disclosure', [])
  @ApiCreatedResponse({
    type: DisclosureResultDto,
    description: 'Vastgelegd met grondslag en digest; het pakket is wat er daadwerkelijk uitgaat',
  })
  @ApiForbiddenResponse({
    type: DisclosureRefusalDto,
    description: 'Niet toegestaan: de reden per categorie (R-SHARE-01, R-SHARE-05, R-CONS-03)',
  })
  disclose(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: DisclosureRequestDto,
  ): Promise<DisclosureResult> {
    return this.disclosures.disclose(ability, actor, clientId, dto);
  }

  @Get()
  @Policy('read', 'Disclosure')
  @Audited('read', 'Disclosure', [])
  @ApiOkResponse({ type: [DisclosureViewDto], description: 'Verstrekkingen van de cliënt, nieuwste eerst' })
  history(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<DisclosureView[]> {
    return this.disclosures.history(ability, clientId);
  }

  @Get(':disclosureId/package')
  @Policy('read', 'Disclosure')
  @Audited('read', 'DisclosurePackage', [])
  @ApiOkResponse({ type: DisclosurePackageDto, description: 'Het pakket zoals het is verstrekt' })
  package(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('disclosureId', uuidPipe) disclosureId: string,
  ): Promise<DisclosurePackage> {
    return this.disclosures.package(ability, clientId, disclosureId);
  }

  @Post(':disclosureId/review')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @Audited('update', 'Disclosure', [])
  @ApiOkResponse({
    type: DisclosureViewDto,
    description: 'R-SHARE-06: de cliënt zag het rapport vóór of na verzending',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Dit is al vastgelegd' })
  review(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('disclosureId', uuidPipe) disclosureId: string,
    @Body() dto: RecordReportReviewDto,
  ): Promise<DisclosureView> {
    return this.disclosures.recordReview(ability, clientId, disclosureId, dto);
  }
}

/** The FG's view of the register across clients: metadata only (RULES.md §1 dpo, R-SHARE-06). */
@ApiTags('verstrekkingen')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('disclosures')
export class DisclosureRegisterController {
  constructor(private readonly disclosures: DisclosureRegisterService) {}

  @Get()
  @Policy('read', 'Disclosure')
  @Audited('search', 'Disclosure', [])
  @ApiOkResponse({
    type: DisclosureRegisterPageDto,
    description: 'Alleen voor de FG; unreviewedReports=true toont rapporten die de cliënt nog niet zag',
  })
  register(
    @CurrentAbility() ability: AppAbility,
    @Query() query: DisclosureRegisterQueryDto,
  ): Promise<Page<DisclosureView>> {
    return this.disclosures.register(ability, query);
  }
}
