import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  DATA_CATEGORIES,
  type DataCategory,
  type ProcessingRegister,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { Policy } from '../../authz/policy.decorator';
import { ApiGuardedErrors } from '../../common/api-docs';
import { RetentionService } from '../retention/retention.service';
import { buildProcessingRegister, type ProcessingRules, type RetentionPeriods } from './processing-register';
import { renderProcessingRegisterPdf } from './processing-register-pdf';
import { defaultProcessingRules } from './processing-rules';

class ProcessingRecipientDto {
  @ApiProperty() recipient: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: DataCategory[];
  @ApiProperty({ description: 'wettelijke grondslag, of "toestemming: <doel>"' }) ground: string;
}

class ProcessingActivityDto {
  @ApiProperty({ enum: TRAJECTORY_TYPES }) trajectoryType: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) purposes: string[];
  @ApiProperty({ type: [String] }) legalBases: string[];
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) dataCategories: DataCategory[];
  @ApiProperty({ type: [ProcessingRecipientDto] }) recipients: ProcessingRecipientDto[];
  @ApiProperty({ type: [String] }) consentPurposes: string[];
  @ApiProperty() retention: string;
}

class ProcessingRegisterDto {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() sharingRulesVersion: string;
  @ApiProperty() controller: string;
  @ApiProperty({ type: [ProcessingActivityDto] }) activities: ProcessingActivityDto[];
  @ApiProperty({ type: [String] }) securityMeasures: string[];
}

/** AVG art. 30: the processing register, generated from the rules (see processing-register.policy.ts). */
@ApiTags('verwerkingsregister')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('processing-register')
export class ProcessingRegisterController {
  constructor(private readonly retention: RetentionService) {}

  /** The rule data, with the retention periods as the policy in the database has them now. */
  private async rules(): Promise<ProcessingRules> {
    const { current } = await this.retention.policies();
    const periods: Partial<Record<TrajectoryType, RetentionPeriods>> = {};
    for (const policy of current.filter((candidate) => candidate.part === 'file')) {
      const medical = current.find(
        (candidate) => candidate.part === 'medical' && candidate.trajectoryType === policy.trajectoryType,
      );
      periods[policy.trajectoryType] = {
        file: policy.years,
        ...(medical ? { medical: medical.years } : {}),
        version: Math.max(policy.version, medical?.version ?? 0),
      };
    }
    return { ...defaultProcessingRules(), retentionPeriods: periods };
  }

  @Get()
  @Policy('read', 'ProcessingRegister')
  @Audited('read', 'ProcessingRegister', [])
  @ApiOkResponse({ type: ProcessingRegisterDto })
  async get(): Promise<ProcessingRegister> {
    return buildProcessingRegister(await this.rules(), new Date());
  }

  @Get('pdf')
  @Policy('read', 'ProcessingRegister')
  @Audited('export', 'ProcessingRegister', [])
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="verwerkingsregister.pdf"')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Het verwerkingsregister als PDF',
    schema: { type: 'string', format: 'binary' },
  })
  async pdf(): Promise<StreamableFile> {
    const register = buildProcessingRegister(await this.rules(), new Date());
    return new StreamableFile(await renderProcessingRegisterPdf(register));
  }
}
