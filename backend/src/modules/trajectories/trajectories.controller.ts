import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type TrajectoryView } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { CloseTrajectoryDto, CreateTrajectoryDto, TrajectoryResponseDto } from './dto/trajectory.dto';
import { TrajectoriesService } from './trajectories.service';

/** A client's trajectories: read with the client's `progress`, opened and closed by who may change it. */
@ApiTags('trajecten')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId/trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Get()
  @Policy('read', 'Client')
  @Audited('read', 'Trajectory', ['progress'])
  @ApiOkResponse({ type: [TrajectoryResponseDto], description: 'Nieuwste startdatum eerst' })
  list(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<TrajectoryView[]> {
    return this.trajectories.list(ability, clientId);
  }

  @Post()
  @Policy('update', 'Client')
  @Audited('create', 'Trajectory', ['progress'])
  @ApiCreatedResponse({
    type: TrajectoryResponseDto,
    description:
      'Opent een traject met de rapportage-afspraak (R-SHARE-07) en de wettelijke grondslag van het type',
  })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateTrajectoryDto,
  ): Promise<TrajectoryView> {
    return this.trajectories.create(ability, actor, clientId, dto);
  }

  @Post(':trajectoryId/close')
  @HttpCode(200)
  @Policy('update', 'Client')
  @Audited('update', 'Trajectory', ['progress'])
  @ApiOkResponse({
    type: TrajectoryResponseDto,
    description: 'Sluit het traject af (na bevestiging); het antwoord toont de vernietigingsdatum (R-RET-01)',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Het traject is al afgesloten' })
  close(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: CloseTrajectoryDto,
  ): Promise<TrajectoryView> {
    return this.trajectories.close(ability, actor, clientId, trajectoryId, dto);
  }

  @Post(':trajectoryId/reopen')
  @HttpCode(200)
  @Policy('update', 'Client')
  @Audited('update', 'Trajectory', ['progress'])
  @ApiOkResponse({
    type: TrajectoryResponseDto,
    description: 'Heropent een afgesloten traject; de vernietigingsdatum vervalt',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Het traject is niet afgesloten' })
  reopen(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
  ): Promise<TrajectoryView> {
    return this.trajectories.reopen(ability, actor, clientId, trajectoryId);
  }
}
