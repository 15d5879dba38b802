import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type DestructionItemView, type DestructionListView, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { uuidPipe } from '../../common/uuid.pipe';
import { todayIso } from '../trajectories/dto/calendar-date';
import { storedCertificate } from './destruction-certificate';
import { renderCertificatePdf } from './destruction-certificate-pdf';
import { DestructionRunner } from './destruction-runner.service';
import { DestructionService } from './destruction.service';
import {
  CertificateQueryDto,
  DestructionItemsQueryDto,
  ExcludeDestructionItemDto,
} from './dto/destruction.dto';

/** R-RET-04: the reviewed destruction list, its execution and the verklaring van vernietiging. */
@ApiTags('vernietiging')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('destruction-lists')
export class DestructionController {
  constructor(
    private readonly destruction: DestructionService,
    private readonly runner: DestructionRunner,
  ) {}

  @Get()
  @Policy('read', 'DestructionList')
  @Audited('search', 'DestructionList', [])
  @ApiOkResponse({ description: 'vernietigingslijsten, nieuwste eerst' })
  lists(@Query() query: PageQueryDto): Promise<Page<DestructionListView>> {
    return this.destruction.lists(query);
  }

  /** Prepares the list of what is due today now, as the daily job does; 409 while one is open. */
  @Post()
  @Policy('create', 'DestructionList')
  @Audited('create', 'DestructionList', [])
  @ApiCreatedResponse({ description: 'de nieuwe lijst' })
  prepare(@CurrentUser() actor: AuthenticatedUser): Promise<DestructionListView> {
    return this.destruction.prepare(todayIso(), actor.id);
  }

  @Get(':id')
  @Policy('read', 'DestructionList')
  @Audited('read', 'DestructionList', [])
  @ApiOkResponse({ description: 'de lijst met aantallen en voortgang' })
  get(@Param('id', uuidPipe) id: string): Promise<DestructionListView> {
    RequestContext.addAuditDetails({ objectId: id });
    return this.destruction.getList(id);
  }

  @Get(':id/items')
  @Policy('read', 'DestructionList')
  @Audited('read', 'DestructionList', [])
  @ApiOkResponse({ description: 'de dossiers op de lijst' })
  items(
    @Param('id', uuidPipe) id: string,
    @Query() query: DestructionItemsQueryDto,
    @CurrentAbility() ability: AppAbility,
  ): Promise<Page<DestructionItemView>> {
    return this.destruction.items(id, query, ability.can('read', 'Client'));
  }

  @Post(':id/items/:itemId/exclude')
  @HttpCode(200)
  @Policy('update', 'DestructionList')
  @Audited('update', 'DestructionList', [])
  @ApiOkResponse({ description: 'het uitgezonderde dossier' })
  exclude(
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Body() dto: ExcludeDestructionItemDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DestructionItemView> {
    return this.destruction.exclude(id, itemId, dto.reason, actor.id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Policy('update', 'DestructionList')
  @Audited('update', 'DestructionList', [])
  @ApiOkResponse({ description: 'de beoordeelde lijst' })
  review(
    @Param('id', uuidPipe) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DestructionListView> {
    return this.destruction.review(id, actor.id);
  }

  /** The second person (the FG); never the reviewer. */
  @Post(':id/approve')
  @HttpCode(200)
  @Policy('approve', 'DestructionList')
  @Audited('update', 'DestructionList', [])
  @ApiOkResponse({ description: 'de goedgekeurde lijst' })
  approve(
    @Param('id', uuidPipe) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DestructionListView> {
    return this.destruction.approve(id, actor.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Policy('update', 'DestructionList')
  @Audited('update', 'DestructionList', [])
  @ApiOkResponse({ description: 'de vervallen lijst' })
  cancel(@Param('id', uuidPipe) id: string): Promise<DestructionListView> {
    return this.destruction.cancel(id);
  }

  /** Starts (or resumes) the run in the background; progress is read from GET :id. */
  @Post(':id/execute')
  @HttpCode(202)
  @Policy('update', 'DestructionList')
  @Audited('update', 'DestructionList', [])
  @ApiAcceptedResponse({ description: 'de lijst, die nu wordt uitgevoerd' })
  async execute(
    @Param('id', uuidPipe) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DestructionListView> {
    await this.destruction.markRunning(id);
    // After this request's transaction commits, so the runner sees the list running.
    RequestContext.afterCommit(() => void this.runner.start(id, actor.id));
    return this.destruction.getList(id);
  }

  @Get(':id/certificate')
  @Policy('read', 'DestructionList')
  @Audited('export', 'DestructionList', [])
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({ description: 'de verklaring van vernietiging (PDF of JSON)' })
  async certificate(
    @Param('id', uuidPipe) id: string,
    @Query() query: CertificateQueryDto,
  ): Promise<StreamableFile> {
    const list = await this.destruction.getList(id);
    const stored =
      list.status === 'completed' ? await storedCertificate(this.destruction.readManager(), id) : null;
    if (!stored) throw new ConflictException('De verklaring bestaat pas als de lijst is uitgevoerd.');
    const { json, sha256 } = stored;
    RequestContext.addAuditDetails({ objectId: id, details: { formaat: query.format ?? 'pdf' } });
    const name = `verklaring-van-vernietiging-${list.reference}`;
    if (query.format === 'json') {
      return new StreamableFile(Buffer.from(json, 'utf8'), {
        type: 'application/json; charset=utf-8',
        disposition: `attachment; filename="${name}.json"`,
      });
    }
    return new StreamableFile(await renderCertificatePdf(JSON.parse(json), sha256.toString('hex')), {
      type: 'application/pdf',
      disposition: `attachment; filename="${name}.pdf"`,
    });
  }
}
