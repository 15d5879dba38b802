import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ConsentView,
  type DestructionListView,
  type DsrLinkedChange,
  type DsrRequestView,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { ConsentResponseDto } from '../consents/dto/consent.dto';
import { DsrErasureService } from './dsr-erasure.service';
import { DsrLetterService } from './dsr-letter.service';
import { DsrService } from './dsr.service';
import {
  CompleteDsrRequestDto,
  CreateDsrRequestDto,
  DsrListQueryDto,
  DsrRequestViewDto,
  ExtendDsrRequestDto,
  VerifyDsrIdentityDto,
} from './dto/dsr.dto';

function pdf(body: Buffer, name: string): StreamableFile {
  return new StreamableFile(body, {
    type: 'application/pdf',
    disposition: `attachment; filename="${name}.pdf"`,
  });
}

/** Data-subject requests on the legal clock (issue 9, R-DSR-01..05). */
@ApiTags('rechten van betrokkenen')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('dsr-requests')
export class DsrController {
  constructor(
    private readonly requests: DsrService,
    private readonly erasure: DsrErasureService,
    private readonly letters: DsrLetterService,
  ) {}

  @Get()
  @Policy('read', 'DataSubjectRequest')
  @Audited('search', 'DataSubjectRequest', [])
  @ApiOkResponse({ type: [DsrRequestViewDto], description: 'Open verzoeken eerst, op termijn' })
  list(@Query() query: DsrListQueryDto): Promise<DsrRequestView[]> {
    return this.requests.list(query.status);
  }

  @Post()
  @Policy('create', 'DataSubjectRequest')
  @Audited('create', 'DataSubjectRequest', [])
  @ApiCreatedResponse({ type: DsrRequestViewDto, description: 'Termijn: ontvangst + 1 kalendermaand' })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: CreateDsrRequestDto,
  ): Promise<DsrRequestView> {
    return this.requests.create(ability, actor, dto);
  }

  @Get(':requestId')
  @Policy('read', 'DataSubjectRequest')
  @Audited('read', 'DataSubjectRequest', [])
  @ApiOkResponse({ type: DsrRequestViewDto })
  get(@Param('requestId', uuidPipe) requestId: string): Promise<DsrRequestView> {
    return this.requests.get(requestId);
  }

  @Post(':requestId/identity')
  @HttpCode(200)
  @Policy('update', 'DataSubjectRequest')
  @Audited('update', 'DataSubjectRequest', [])
  @ApiOkResponse({ type: DsrRequestViewDto, description: 'R-DSR-02: gezien, nooit gekopieerd' })
  @ApiConflictResponse({ type: ApiErrorDto })
  verify(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
    @Body() dto: VerifyDsrIdentityDto,
  ): Promise<DsrRequestView> {
    return this.requests.verifyIdentity(actor, requestId, dto);
  }

  @Post(':requestId/extend')
  @HttpCode(200)
  @Policy('update', 'DataSubjectRequest')
  @Audited('update', 'DataSubjectRequest', [])
  @ApiOkResponse({
    type: DsrRequestViewDto,
    description: 'R-DSR-03: hoogstens twee maanden, vóór de eerste termijn',
  })
  @ApiConflictResponse({ type: ApiErrorDto })
  extend(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
    @Body() dto: ExtendDsrRequestDto,
  ): Promise<DsrRequestView> {
    return this.requests.extend(actor, requestId, dto);
  }

  @Post(':requestId/complete')
  @HttpCode(200)
  @Policy('update', 'DataSubjectRequest')
  @Audited('update', 'DataSubjectRequest', [])
  @ApiOkResponse({ type: DsrRequestViewDto, description: 'R-DSR-05: uitkomst, bij afwijzing met grond' })
  @ApiConflictResponse({ type: ApiErrorDto })
  complete(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
    @Body() dto: CompleteDsrRequestDto,
  ): Promise<DsrRequestView> {
    return this.requests.complete(actor, requestId, dto);
  }

  @Post(':requestId/erasure-list')
  @Policy('update', 'DataSubjectRequest')
  @Audited('create', 'DestructionList', [])
  @ApiCreatedResponse({
    description:
      'R-RET-06: een vernietigingslijst met wat van deze cliënt nu gewist mag worden (beoordelen, goedkeuren door de FG, uitvoeren na de uitkomst)',
  })
  @ApiConflictResponse({ type: ApiErrorDto })
  prepareErasure(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
  ): Promise<DestructionListView> {
    return this.erasure.prepare(actor, requestId);
  }

  @Get(':requestId/changes')
  @Policy('update', 'DataSubjectRequest')
  @Audited('read', 'DataSubjectRequest', [])
  @ApiOkResponse({
    description: 'Rectificatie: de correcties in de gegevens sinds ontvangst, met oude en nieuwe waarde',
  })
  changes(@Param('requestId', uuidPipe) requestId: string): Promise<DsrLinkedChange[]> {
    return this.requests.changes(requestId);
  }

  @Get(':requestId/consents')
  @Policy('update', 'DataSubjectRequest')
  @Audited('read', 'DataSubjectRequest', [])
  @ApiOkResponse({
    type: [ConsentResponseDto],
    description: 'De toestemmingen van de cliënt, bij een verzoek om intrekking',
  })
  consents(
    @CurrentAbility() ability: AppAbility,
    @Param('requestId', uuidPipe) requestId: string,
  ): Promise<ConsentView[]> {
    return this.requests.consents(ability, requestId);
  }

  @Post(':requestId/consents/:consentId/withdraw')
  @HttpCode(200)
  @Policy('update', 'DataSubjectRequest')
  @Audited('update', 'Consent', [])
  @ApiOkResponse({
    type: ConsentResponseDto,
    description: 'R-CONS-02: ingetrokken per vandaag; de historie blijft',
  })
  @ApiConflictResponse({ type: ApiErrorDto })
  withdrawConsent(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
    @Param('consentId', uuidPipe) consentId: string,
  ): Promise<ConsentView> {
    return this.requests.withdrawConsent(ability, actor, requestId, consentId);
  }

  @Get(':requestId/export')
  @Policy('export', 'DataSubjectRequest')
  @Audited('export', 'DataSubjectRequest', [])
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'R-DSR-04: alle gegevens van de cliënt als JSON en PDF, met de documenten' })
  async export(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('requestId', uuidPipe) requestId: string,
  ): Promise<StreamableFile> {
    const { request, zip } = await this.requests.exportArchive(actor, requestId);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="inzage-${request.reference}.zip"`,
    });
  }

  @Get(':requestId/extension-letter')
  @Policy('export', 'DataSubjectRequest')
  @Audited('export', 'DataSubjectRequest', [])
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'De brief over het uitstel (R-DSR-03)' })
  async extensionLetter(@Param('requestId', uuidPipe) requestId: string): Promise<StreamableFile> {
    const { request, pdf: body } = await this.letters.extensionLetter(requestId);
    return pdf(body, `uitstel-${request.reference}`);
  }

  @Get(':requestId/outcome-letter')
  @Policy('export', 'DataSubjectRequest')
  @Audited('export', 'DataSubjectRequest', [])
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'De brief met de beslissing (R-DSR-05)' })
  async outcomeLetter(@Param('requestId', uuidPipe) requestId: string): Promise<StreamableFile> {
    const { request, pdf: body } = await this.letters.outcomeLetter(requestId);
    return pdf(body, `beslissing-${request.reference}`);
  }
}
