import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AccessLogEntry, type ClientAccessOverview, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { exportFileName, renderCsv, renderPdf } from './access-log-export';
import { AccessLogService } from './access-log.service';
import {
  AccessLogExportQueryDto,
  AccessLogPageDto,
  AccessLogQueryDto,
  ClientAccessOverviewDto,
  ClientLookupDto,
  ClientLookupResponseDto,
} from './dto/access-log.dto';

/**
 * The FG's access log (R-AUD-03, NEN 7513): search, export and a client's access overview. Only the
 * FG may read the log (`read AuditEvent`), and every read of it is itself logged (R-AUD-01).
 */
@ApiTags('toegangslog')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @Policy('read', 'AuditEvent')
  @Audited('search', 'AuditEvent', [])
  @ApiOkResponse({
    type: AccessLogPageDto,
    description:
      'Logregels (alleen metagegevens), nieuwste eerst tenzij order=asc; total is begrensd op 10001',
  })
  search(@Query() query: AccessLogQueryDto): Promise<Page<AccessLogEntry>> {
    return this.accessLog.search(query);
  }

  @Get('export')
  @Policy('read', 'AuditEvent')
  @Audited('export', 'AuditEvent', [])
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({
    description:
      'CSV (UTF-8 met BOM, puntkomma, Nederlandse kopjes en tijden) of PDF; hoogstens 10 000 regels, het bestand meldt het als er meer waren',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AccessLogExportQueryDto,
  ): Promise<StreamableFile> {
    const { rows, truncated } = await this.accessLog.exportRows(query);
    const generatedAt = new Date();
    const input = { rows, truncated, query, generatedAt, generatedBy: user.username };
    const content = query.format === 'pdf' ? await renderPdf(input) : renderCsv(input);
    return new StreamableFile(content, {
      type: query.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${exportFileName(generatedAt, query.format)}"`,
      length: content.length,
    });
  }

  @Get('clients/:clientId')
  @Policy('read', 'AuditEvent')
  @Audited('read', 'AuditEvent', [])
  @ApiOkResponse({
    type: ClientAccessOverviewDto,
    description: 'Wie de gegevens van deze cliënt inzag of wijzigde, oudste eerst (NEN 7513)',
  })
  clientOverview(@Param('clientId', uuidPipe) clientId: string): Promise<ClientAccessOverview> {
    return this.accessLog.clientOverview(clientId);
  }

  @Post('client-lookup')
  @HttpCode(200)
  @Policy('read', 'AuditEvent')
  @Audited('search', 'Client', ['identity'])
  @ApiOkResponse({
    type: ClientLookupResponseDto,
    description: 'Het cliënt-id bij een exact BSN (blinde index); het BSN komt niet in het log',
  })
  clientLookup(@Body() dto: ClientLookupDto): Promise<{ clientId: string }> {
    return this.accessLog.lookupClient(dto.bsn);
  }
}
