import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AuditCheckpointView, type AuditVerificationReport } from '@werkpad/shared';

import { Policy } from '../authz/policy.decorator';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { Audited } from './audited.decorator';
import { ApiGuardedErrors } from '../common/api-docs';

class CheckpointComparisonDto {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() signatureValid: boolean;
  @ApiProperty() matches: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

class AuditVerificationReportDto {
  @ApiProperty({ description: 'de keten klopt en komt overeen met het laatste controlepunt' }) ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ nullable: true, type: String }) firstBrokenSeq: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: CheckpointComparisonDto, description: 'null: nog geen controlepunt' })
  checkpoint: CheckpointComparisonDto | null;
}

class AuditCheckpointDto {
  @ApiProperty() seq: string;
  @ApiProperty() rowCount: number;
  @ApiProperty({ description: 'SHA-256 (hex) van de laatste regel' }) headHash: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Ed25519-handtekening (base64)' }) signature: string;
  @ApiProperty({ description: 'bestandsnaam in de map met controlepunten' }) location: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('audit')
export class AuditController {
  constructor(private readonly checkpoints: AuditCheckpointService) {}

  /**
   * Lets the FG check that the log is complete and unaltered (R-AUD-02): the hash chain, and the
   * chain against the newest signed checkpoint. The check is itself logged.
   */
  @Get('verify')
  @Policy('verify', 'AuditChain')
  @Audited('read', 'AuditChain', [])
  @ApiOkResponse({ type: AuditVerificationReportDto })
  verify(): Promise<AuditVerificationReport> {
    return this.checkpoints.verify();
  }

  /** Writes a signed checkpoint now (besides the periodic ones). */
  @Post('checkpoints')
  @Policy('verify', 'AuditChain')
  @Audited('create', 'AuditCheckpoint', [])
  @ApiCreatedResponse({ type: AuditCheckpointDto })
  createCheckpoint(): Promise<AuditCheckpointView> {
    return this.checkpoints.write();
  }

  /** The newest checkpoints (at most 500), newest first. */
  @Get('checkpoints')
  @Policy('verify', 'AuditChain')
  @Audited('read', 'AuditCheckpoint', [])
  @ApiOkResponse({ type: [AuditCheckpointDto] })
  listCheckpoints(): Promise<AuditCheckpointView[]> {
    return this.checkpoints.list();
  }
}
