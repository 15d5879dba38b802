import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ExpertiseAssignmentRow,
  type ExpertiseTrajectoryDetail,
  type ExpertiseTrajectorySummary,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import {
  ExpertiseAssignmentDto,
  ExpertiseAssignmentRowDto,
  ExpertiseTrajectoryDetailDto,
  ExpertiseTrajectoryQueryDto,
  ExpertiseTrajectorySummaryDto,
} from './dto/expertise.dto';
import { ExpertiseWorkspaceService } from './expertise-workspace.service';

/** The Expertisecentrum's workspace (issue 5): its own arbeidsdiagnose trajectories. */
@ApiTags('expertisecentrum')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('expertise')
export class ExpertiseWorkspaceController {
  constructor(private readonly workspace: ExpertiseWorkspaceService) {}

  @Get('trajectories')
  @Policy('read', 'ExpertiseTrajectory')
  @Audited('search', 'ExpertiseTrajectory', ['identity', 'diagnosis_outcome'])
  @ApiOkResponse({
    type: [ExpertiseTrajectorySummaryDto],
    description:
      'Alleen de eigen arbeidsdiagnoses; met beide vernietigingsdatums (dossier 2 jaar, medisch 15 jaar, R-RET-01)',
  })
  list(
    @CurrentAbility() ability: AppAbility,
    @Query() query: ExpertiseTrajectoryQueryDto,
  ): Promise<ExpertiseTrajectorySummary[]> {
    return this.workspace.list(ability, query);
  }

  @Get('trajectories/:trajectoryId')
  @Policy('read', 'ExpertiseTrajectory')
  @Audited('read', 'ExpertiseTrajectory', ['identity', 'diagnosis_outcome'])
  @ApiOkResponse({
    type: ExpertiseTrajectoryDetailDto,
    description: 'Kop van de werkplek met de status van de toestemmingen; 404 als het traject niet van u is',
  })
  detail(
    @CurrentAbility() ability: AppAbility,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
  ): Promise<ExpertiseTrajectoryDetail> {
    return this.workspace.detail(ability, trajectoryId);
  }

  @Get('assignments')
  @Policy('assign', 'ExpertiseTrajectory')
  @Audited('search', 'ExpertiseTrajectory', ['identity'])
  @ApiOkResponse({
    type: [ExpertiseAssignmentRowDto],
    description: 'Open arbeidsdiagnoses en wie eraan werkt; alleen de naam van de cliënt',
  })
  assignments(): Promise<ExpertiseAssignmentRow[]> {
    return this.workspace.assignments();
  }
}

/** Functioneel beheer assigns the expertise user of an arbeidsdiagnose. */
@ApiTags('expertisecentrum')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('trajectories')
export class ExpertiseAssignmentController {
  constructor(private readonly workspace: ExpertiseWorkspaceService) {}

  @Put(':id/expertise-assignment')
  @Policy('assign', 'ExpertiseTrajectory')
  @Audited('update', 'ExpertiseTrajectory', ['identity', 'progress'])
  @ApiOperation({
    summary: 'Wijst een medewerker van het Expertisecentrum toe aan een open arbeidsdiagnose (of null)',
  })
  @ApiOkResponse({ type: ExpertiseAssignmentRowDto })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'Geen arbeidsdiagnose, of het traject is afgesloten',
  })
  assign(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ExpertiseAssignmentDto,
  ): Promise<ExpertiseAssignmentRow> {
    return this.workspace.assign(actor, id, dto);
  }
}
