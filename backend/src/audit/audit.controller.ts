import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AuditChainVerification } from '@werkpad/shared';

import { Policy } from '../authz/policy.decorator';
import { AuditService } from './audit.service';
import { Audited } from './audited.decorator';
import { ApiGuardedErrors } from '../common/api-docs';

class AuditChainVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ nullable: true, type: String }) firstBrokenSeq: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Lets the FG check that the log is complete and unaltered (R-AUD-02); the check is itself logged. */
  @Get('verify')
  @Policy('verify', 'AuditChain')
  @Audited('read', 'AuditChain', [])
  @ApiOkResponse({ type: AuditChainVerificationDto })
  verify(): Promise<AuditChainVerification> {
    return this.audit.verifyChain();
  }
}
