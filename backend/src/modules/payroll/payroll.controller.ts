import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AbsenceEpisodeView,
  type EmploymentView,
  type HoursRecordView,
  type LksApplicationView,
  type LoonwaardeView,
  type PayrollFile,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import {
  AbsenceEpisodeDto,
  CreateAbsenceEpisodeDto,
  CreateEmploymentDto,
  CreateHoursRecordDto,
  CreateLksApplicationDto,
  CreateLoonwaardeDto,
  EmploymentDto,
  HoursRecordDto,
  LksApplicationDto,
  LoonwaardeDto,
  PayrollFileDto,
  UpdateEmploymentDto,
  UpdateLksApplicationDto,
} from './dto/payroll.dto';
import { PayrollService } from './payroll.service';

/**
 * The payroll file of a client: employment, hours, absence (dates only), loonwaarde and
 * loonkostensubsidie. Only the `payroll` role has the category, for clients in its scope.
 */
@ApiTags('salarisadministratie')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId/payroll')
export class PayrollController {
  constructor(private readonly payroll: PayrollService) {}

  @Get()
  @Policy('read', 'Client')
  @Audited('read', 'Payroll', ['payroll'])
  @ApiOkResponse({ type: PayrollFileDto })
  file(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
  ): Promise<PayrollFile> {
    return this.payroll.file(ability, clientId);
  }

  @Post('employments')
  @Policy('update', 'Client')
  @Audited('create', 'Employment', ['payroll'])
  @ApiCreatedResponse({ type: EmploymentDto })
  createEmployment(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateEmploymentDto,
  ): Promise<EmploymentView> {
    return this.payroll.createEmployment(ability, actor.id, clientId, dto);
  }

  @Patch('employments/:employmentId')
  @Policy('update', 'Client')
  @Audited('update', 'Employment', ['payroll'])
  @ApiOkResponse({ type: EmploymentDto })
  updateEmployment(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('employmentId', uuidPipe) employmentId: string,
    @Body() dto: UpdateEmploymentDto,
  ): Promise<EmploymentView> {
    return this.payroll.updateEmployment(ability, actor.id, clientId, employmentId, dto);
  }

  @Post('employments/:employmentId/hours')
  @Policy('update', 'Client')
  @Audited('create', 'HoursRecord', ['payroll'])
  @ApiCreatedResponse({ type: HoursRecordDto })
  addHours(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('employmentId', uuidPipe) employmentId: string,
    @Body() dto: CreateHoursRecordDto,
  ): Promise<HoursRecordView> {
    return this.payroll.addHours(ability, actor.id, clientId, employmentId, dto);
  }

  @Post('employments/:employmentId/absences')
  @Policy('update', 'Client')
  @Audited('create', 'AbsenceEpisode', ['payroll'])
  @ApiCreatedResponse({ type: AbsenceEpisodeDto })
  addAbsence(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('employmentId', uuidPipe) employmentId: string,
    @Body() dto: CreateAbsenceEpisodeDto,
  ): Promise<AbsenceEpisodeView> {
    return this.payroll.addAbsence(ability, actor.id, clientId, employmentId, dto);
  }

  @Post('loonwaarde')
  @Policy('update', 'Client')
  @Audited('create', 'LoonwaardeAssessment', ['payroll'])
  @ApiCreatedResponse({ type: LoonwaardeDto })
  addLoonwaarde(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateLoonwaardeDto,
  ): Promise<LoonwaardeView> {
    return this.payroll.addLoonwaarde(ability, actor.id, clientId, dto);
  }

  @Post('lks-applications')
  @Policy('update', 'Client')
  @Audited('create', 'LksApplication', ['payroll'])
  @ApiCreatedResponse({ type: LksApplicationDto })
  addLksApplication(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateLksApplicationDto,
  ): Promise<LksApplicationView> {
    return this.payroll.addLksApplication(ability, actor.id, clientId, dto);
  }

  @Patch('lks-applications/:applicationId')
  @Policy('update', 'Client')
  @Audited('update', 'LksApplication', ['payroll'])
  @ApiOkResponse({ type: LksApplicationDto })
  updateLksApplication(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('applicationId', uuidPipe) applicationId: string,
    @Body() dto: UpdateLksApplicationDto,
  ): Promise<LksApplicationView> {
    return this.payroll.updateLksApplication(ability, actor.id, clientId, applicationId, dto);
  }
}
