import { Body, Controller, Get, Header, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Finding, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { RequestContext } from '../../common/request-context';
import {
  FindingDto,
  FindingExportQueryDto,
  FindingPageDto,
  FindingQueryDto,
  ReviewFindingDto,
} from './dto/findings.dto';
import { FINDINGS_EXPORT_MAX_ROWS, findingsExportFileName, renderFindingsCsv } from './findings-export';
import { FindingsService } from './findings.service';

/**
 * Unusual access (R-AUD-03) for the FG: `read AuditEvent` is the FG marker (audit.policy), for the
 * review as well, since a review is part of checking the log and changes nothing in it.
 */
@ApiTags('fg')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get()
  @Policy('read', 'AuditEvent')
  @Audited('read', 'Finding', [])
  @ApiOkResponse({ type: FindingPageDto })
  list(@Query() query: FindingQueryDto): Promise<Page<Finding>> {
    return this.findings.list(query);
  }

  /** Declared before any parameterised route, so that "export" is never taken for a parameter. */
  @Get('export')
  @Policy('read', 'AuditEvent')
  @Audited('export', 'Finding', [])
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'CSV (UTF-8 met BOM, puntkomma, Nederlandse kopjes en tijden) met de bevindingen onder de filters, nieuwste eerst; hoogstens 10 000 regels, het bestand meldt het als er meer waren',
    schema: { type: 'string', format: 'binary' },
  })
  async export(@Query() query: FindingExportQueryDto): Promise<StreamableFile> {
    const { items, total } = await this.findings.list({
      ...query,
      page: 1,
      pageSize: FINDINGS_EXPORT_MAX_ROWS,
    });
    const truncated = total > items.length;
    RequestContext.addAuditDetails({
      details: { regels: String(items.length), afgekapt: truncated ? 'ja' : 'nee' },
    });
    const content = renderFindingsCsv({ findings: items, truncated });
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${findingsExportFileName(new Date())}"`,
      length: content.length,
    });
  }

  @Put('review')
  @Policy('read', 'AuditEvent')
  @Audited('update', 'FindingReview', [])
  @ApiOkResponse({ type: FindingDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'De bevinding is al beoordeeld' })
  review(@CurrentUser() user: AuthenticatedUser, @Body() dto: ReviewFindingDto): Promise<Finding> {
    return this.findings.review(user, dto);
  }
}
