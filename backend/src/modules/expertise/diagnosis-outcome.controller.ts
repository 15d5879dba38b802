import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DiagnosisOutcomeView } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { HiddenPolicy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { DiagnosisOutcomeService } from './diagnosis-outcome.service';
import {
  DiagnosisOutcomeResponseDto,
  FinalizeDiagnosisOutcomeDto,
  OUTCOME_TEXT_HINT,
  OutcomeSentToClientDto,
  SaveDiagnosisOutcomeDto,
} from './dto/outcome.dto';

/**
 * The outcome/advice of an arbeidsdiagnose (R-MED-02, R-MED-03). Roles without any outcome rule
 * (management, admin, payroll, FG) get 404, as for medical records: not even its existence shows.
 */
@ApiTags('expertisecentrum')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller()
export class DiagnosisOutcomeController {
  constructor(private readonly outcomes: DiagnosisOutcomeService) {}

  @Get('trajectories/:trajectoryId/outcome')
  @HiddenPolicy('read', 'DiagnosisOutcome')
  @Audited('read', 'DiagnosisOutcome', ['diagnosis_outcome'])
  @ApiOkResponse({
    type: DiagnosisOutcomeResponseDto,
    description:
      'De toegewezen medewerker van het Expertisecentrum ziet ook een concept; coach en inkomensconsulent alleen een definitieve uitkomst (R-MED-02); anders 404',
  })
  get(
    @CurrentAbility() ability: AppAbility,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
  ): Promise<DiagnosisOutcomeView> {
    return this.outcomes.get(ability, trajectoryId);
  }

  @Put('expertise/trajectories/:trajectoryId/outcome')
  @HiddenPolicy('update', 'DiagnosisOutcome')
  @Audited('update', 'DiagnosisOutcome', ['diagnosis_outcome'])
  @ApiOperation({
    summary: 'Slaat het concept van de uitkomst en het advies op',
    description: OUTCOME_TEXT_HINT,
  })
  @ApiOkResponse({ type: DiagnosisOutcomeResponseDto, description: 'Het concept (status draft)' })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'Verouderde versie, de uitkomst is al definitief, of het traject is afgesloten',
  })
  save(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: SaveDiagnosisOutcomeDto,
  ): Promise<DiagnosisOutcomeView> {
    return this.outcomes.save(ability, actor, trajectoryId, dto);
  }

  @Post('expertise/trajectories/:trajectoryId/outcome/finalize')
  @HttpCode(200)
  @HiddenPolicy('update', 'DiagnosisOutcome')
  @Audited('update', 'DiagnosisOutcome', ['diagnosis_outcome'])
  @ApiOperation({
    summary: 'Maakt de uitkomst definitief (na bevestiging); daarna zien coach en inkomensconsulent haar',
    description: OUTCOME_TEXT_HINT,
  })
  @ApiOkResponse({ type: DiagnosisOutcomeResponseDto, description: 'De definitieve uitkomst' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Verouderde versie of al definitief' })
  finalize(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: FinalizeDiagnosisOutcomeDto,
  ): Promise<DiagnosisOutcomeView> {
    return this.outcomes.finalize(ability, actor, trajectoryId, dto);
  }

  @Post('expertise/trajectories/:trajectoryId/outcome/sent-to-client')
  @HttpCode(200)
  @HiddenPolicy('update', 'DiagnosisOutcome')
  @Audited('update', 'DiagnosisOutcome', ['diagnosis_outcome'])
  @ApiOkResponse({
    type: DiagnosisOutcomeResponseDto,
    description: 'R-MED-03: legt vast dat de cliënt de definitieve uitkomst ontving',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Nog geen definitieve uitkomst, of al vastgelegd' })
  sentToClient(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: OutcomeSentToClientDto,
  ): Promise<DiagnosisOutcomeView> {
    return this.outcomes.sentToClient(ability, actor, trajectoryId, dto);
  }
}
