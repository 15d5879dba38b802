import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type ProgressReportView, type ReportExportView } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { RecordReportReviewDto } from '../disclosures/dto/disclosure.dto';
import {
  CreateProgressReportDto,
  ProgressReportViewDto,
  ReportExportDto,
  ReportExportViewDto,
  SendProgressReportDto,
} from './dto/report.dto';
import { ReportExportsService } from './report-exports.service';
import { ReportsService } from './reports.service';

/** Progress reports in the client file (issue 8): draft, review with the client, send, archive. */
@ApiTags('rapportages')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Policy('read', 'ProgressReport')
  @Audited('read', 'ProgressReport', [])
  @ApiOkResponse({ type: [ProgressReportViewDto], description: 'Rapportages van de cliënt, nieuwste eerst' })
  list(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<ProgressReportView[]> {
    return this.reports.list(ability, clientId);
  }

  @Post()
  @Policy('create', 'ProgressReport')
  @Audited('create', 'ProgressReport', [])
  @ApiCreatedResponse({
    type: ProgressReportViewDto,
    description: 'Concept; de inhoud volgt de deelregels voor deze ontvanger (R-REP-01)',
  })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateProgressReportDto,
  ): Promise<ProgressReportView> {
    return this.reports.create(ability, actor, clientId, dto);
  }

  @Get(':reportId')
  @Policy('read', 'ProgressReport')
  @Audited('read', 'ProgressReport', [])
  @ApiOkResponse({ type: ProgressReportViewDto })
  get(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('reportId', uuidPipe) reportId: string,
  ): Promise<ProgressReportView> {
    return this.reports.get(ability, clientId, reportId);
  }

  @Get(':reportId/pdf')
  @Policy('read', 'ProgressReport')
  @Audited('export', 'ProgressReport', [])
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'De rapportage als PDF/A; steeds dezelfde bytes' })
  async pdf(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('reportId', uuidPipe) reportId: string,
  ): Promise<StreamableFile> {
    const { report, pdf } = await this.reports.pdf(ability, clientId, reportId);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="voortgangsrapportage-${report.reference}.pdf"`,
    });
  }

  @Post(':reportId/review')
  @HttpCode(200)
  @Policy('update', 'ProgressReport')
  @Audited('update', 'ProgressReport', [])
  @ApiOkResponse({ type: ProgressReportViewDto, description: 'R-SHARE-06: de cliënt zag de rapportage' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Dit is al vastgelegd' })
  review(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('reportId', uuidPipe) reportId: string,
    @Body() dto: RecordReportReviewDto,
  ): Promise<ProgressReportView> {
    return this.reports.review(ability, clientId, reportId, dto);
  }

  @Post(':reportId/send')
  @HttpCode(200)
  @Policy('update', 'ProgressReport')
  @Audited('export', 'ProgressReport', [])
  @ApiOkResponse({
    type: ProgressReportViewDto,
    description: 'Verzonden: vastgelegd als verstrekking per traject, gearchiveerd in het dossier',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Al verzonden' })
  send(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('reportId', uuidPipe) reportId: string,
    @Body() dto: SendProgressReportDto,
  ): Promise<ProgressReportView> {
    return this.reports.send(ability, actor, clientId, reportId, dto);
  }
}

/** Management's export of progress reports for a selection of clients (R-REP-01). */
@ApiTags('rapportages')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('report-exports')
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @Post()
  @Policy('export', 'ReportExport')
  @Audited('create', 'ReportExport', [])
  @ApiCreatedResponse({ type: ReportExportViewDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: ReportExportDto): Promise<ReportExportView> {
    return this.exports.create(actor, dto);
  }

  @Get(':exportId')
  @Policy('read', 'ReportExport')
  @Audited('read', 'ReportExport', [])
  @ApiOkResponse({ type: ReportExportViewDto })
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('exportId', uuidPipe) exportId: string,
  ): Promise<ReportExportView> {
    return this.exports.get(actor, exportId);
  }

  @Post(':exportId/step')
  @HttpCode(200)
  @Policy('export', 'ReportExport')
  @Audited('export', 'ReportExport', [])
  @ApiOkResponse({
    type: ReportExportViewDto,
    description: 'De volgende cliënten; herhalen tot status completed',
  })
  step(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('exportId', uuidPipe) exportId: string,
  ): Promise<ReportExportView> {
    return this.exports.step(ability, actor, exportId);
  }

  @Get(':exportId/zip')
  @Policy('export', 'ReportExport')
  @Audited('export', 'ReportExport', [])
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'Eén PDF per cliënt' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Nog niet klaar' })
  async zip(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('exportId', uuidPipe) exportId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.exports.zip(ability, actor, exportId), {
      type: 'application/zip',
      disposition: `attachment; filename="voortgangsrapportages-${exportId.slice(0, 8)}.zip"`,
    });
  }
}
