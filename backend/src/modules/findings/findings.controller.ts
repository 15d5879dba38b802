import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Finding, type Page } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { FindingDto, FindingPageDto, FindingQueryDto, ReviewFindingDto } from './dto/findings.dto';
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

  @Put('review')
  @Policy('read', 'AuditEvent')
  @Audited('update', 'FindingReview', [])
  @ApiOkResponse({ type: FindingDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'De bevinding is al beoordeeld' })
  review(@CurrentUser() user: AuthenticatedUser, @Body() dto: ReviewFindingDto): Promise<Finding> {
    return this.findings.review(user, dto);
  }
}
