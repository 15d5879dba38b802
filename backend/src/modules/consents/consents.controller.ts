import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ConsentRegisterEntry,
  type ConsentView,
  type DossierEntryView,
  type Page,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { DossierEntryResponseDto } from '../dossier/dto/dossier.dto';
import { ConsentsService } from './consents.service';
import {
  ConsentRegisterPageDto,
  ConsentRegisterQueryDto,
  ConsentResponseDto,
  CreateConsentDto,
  WithdrawConsentDto,
} from './dto/consent.dto';
import { WhatsappContactDto } from './dto/whatsapp-contact.dto';
import { WhatsappContactsService } from './whatsapp-contacts.service';

/** A client's consents (R-CONS-01, R-CONS-02) and the consent-gated WhatsApp contact (R-CONS-04). */
@ApiTags('toestemmingen')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId')
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly whatsapp: WhatsappContactsService,
  ) {}

  @Get('consents')
  @Policy('read', 'Consent')
  @Audited('read', 'Consent', [])
  @ApiOkResponse({
    type: [ConsentResponseDto],
    description: 'Alle toestemmingen, ook ingetrokken, nieuwste eerst',
  })
  list(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<ConsentView[]> {
    return this.consents.list(ability, clientId);
  }

  @Post('consents')
  @Policy('create', 'Consent')
  @Audited('create', 'Consent', [])
  @ApiCreatedResponse({ type: ConsentResponseDto, description: 'De vastgelegde toestemming met bewijs' })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateConsentDto,
  ): Promise<ConsentView> {
    return this.consents.create(ability, actor, clientId, dto);
  }

  @Post('consents/:consentId/withdraw')
  @HttpCode(200)
  @Policy('update', 'Consent')
  @Audited('update', 'Consent', [])
  @ApiOkResponse({
    type: ConsentResponseDto,
    description: 'De ingetrokken toestemming; de geschiedenis blijft',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'De toestemming is al ingetrokken' })
  withdraw(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('consentId', uuidPipe) consentId: string,
    @Body() dto: WithdrawConsentDto,
  ): Promise<ConsentView> {
    return this.consents.withdraw(ability, actor, clientId, consentId, dto);
  }

  @Post('whatsapp-contacts')
  @Policy('update', 'Client')
  @Audited('create', 'DossierEntry', ['contact'])
  @ApiCreatedResponse({
    type: DossierEntryResponseDto,
    description:
      'Legt een afspraak via WhatsApp vast als dossierstuk; alleen met geldige toestemming en alleen voor afspraken (R-CONS-04)',
  })
  recordWhatsappContact(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: WhatsappContactDto,
  ): Promise<DossierEntryView> {
    return this.whatsapp.record(ability, actor, clientId, dto);
  }
}

/** The FG's consent register across clients: metadata only (R-AUD-02). */
@ApiTags('toestemmingen')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('consents')
export class ConsentRegisterController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @Policy('read', 'Consent')
  @Audited('search', 'Consent', [])
  @ApiOkResponse({
    type: ConsentRegisterPageDto,
    description:
      'Register voor de FG: cliënt-id, doel, vorm, data, vastgelegd door, bewijs ja/nee; geen namen',
  })
  register(
    @CurrentAbility() ability: AppAbility,
    @Query() query: ConsentRegisterQueryDto,
  ): Promise<Page<ConsentRegisterEntry>> {
    // Reading Consent is granted to coaches too, for their own clients. The register spans every
    // client, so it is for the FG only; reading the access log is the FG's mark (audit.policy).
    if (!ability.can('read', 'AuditEvent'))
      throw new ForbiddenException(
        'Alleen de functionaris gegevensbescherming (FG) mag het toestemmingenregister inzien.',
      );
    return this.consents.register(query);
  }
}
