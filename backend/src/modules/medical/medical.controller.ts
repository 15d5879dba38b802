import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CareProviderRequestView,
  type MedicalRecordVersionView,
  type MedicalRecordView,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentUser } from '../../authz/current-ability.decorator';
import { HiddenPolicy } from '../../authz/policy.decorator';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { CareProviderRequestsService } from './care-provider-requests.service';
import {
  CareProviderRequestResponseDto,
  CreateCareProviderRequestDto,
  CreateMedicalRecordDto,
  MedicalRecordResponseDto,
  MedicalRecordVersionResponseDto,
  UpdateMedicalRecordDto,
} from './dto/medical.dto';
import { MedicalRecordsService } from './medical-records.service';

const CLOSED = { type: ApiErrorDto, description: 'Het traject is afgesloten (of de versie is verouderd)' };

/**
 * The Expertisecentrum's medical records and care provider requests (R-MED-01, R-MED-04, R-MED-06).
 * Only the expertise user assigned to the arbeidsdiagnose trajectory gets an answer; every other
 * role and every other expertise user gets 404, as if the records did not exist.
 */
@ApiTags('expertisecentrum (medisch)')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('expertise')
export class MedicalController {
  constructor(
    private readonly records: MedicalRecordsService,
    private readonly requests: CareProviderRequestsService,
  ) {}

  @Get('trajectories/:trajectoryId/medical-records')
  @HiddenPolicy('read', 'MedicalRecord')
  @Audited('read', 'MedicalRecord', ['medical'])
  @ApiOkResponse({ type: [MedicalRecordResponseDto], description: 'Medische gegevens, nieuwste eerst' })
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
  ): Promise<MedicalRecordView[]> {
    return this.records.list(actor, trajectoryId);
  }

  @Post('trajectories/:trajectoryId/medical-records')
  @HiddenPolicy('create', 'MedicalRecord')
  @Audited('create', 'MedicalRecord', ['medical'])
  @ApiCreatedResponse({ type: MedicalRecordResponseDto, description: 'Het vastgelegde medisch gegeven' })
  @ApiConflictResponse(CLOSED)
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: CreateMedicalRecordDto,
  ): Promise<MedicalRecordView> {
    return this.records.create(actor, trajectoryId, dto);
  }

  @Get('medical-records/:id')
  @HiddenPolicy('read', 'MedicalRecord')
  @Audited('read', 'MedicalRecord', ['medical'])
  @ApiOkResponse({ type: MedicalRecordResponseDto })
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
  ): Promise<MedicalRecordView> {
    return this.records.get(actor, id);
  }

  @Patch('medical-records/:id')
  @HiddenPolicy('update', 'MedicalRecord')
  @Audited('update', 'MedicalRecord', ['medical'])
  @ApiOkResponse({
    type: MedicalRecordResponseDto,
    description: 'De nieuwe versie; de vorige staat in de geschiedenis',
  })
  @ApiConflictResponse(CLOSED)
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateMedicalRecordDto,
  ): Promise<MedicalRecordView> {
    return this.records.update(actor, id, dto);
  }

  @Get('medical-records/:id/versions')
  @HiddenPolicy('read', 'MedicalRecord')
  @Audited('read', 'MedicalRecord', ['medical'])
  @ApiOkResponse({ type: [MedicalRecordVersionResponseDto], description: 'Eerdere versies, nieuwste eerst' })
  versions(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
  ): Promise<MedicalRecordVersionView[]> {
    return this.records.versions(actor, id);
  }

  @Get('trajectories/:trajectoryId/care-provider-requests')
  @HiddenPolicy('read', 'MedicalRecord')
  @Audited('read', 'CareProviderRequest', ['medical'])
  @ApiOkResponse({ type: [CareProviderRequestResponseDto], description: 'Gegevensverzoeken, nieuwste eerst' })
  listRequests(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
  ): Promise<CareProviderRequestView[]> {
    return this.requests.list(actor, trajectoryId);
  }

  @Post('trajectories/:trajectoryId/care-provider-requests')
  @HiddenPolicy('create', 'MedicalRecord')
  @Audited('create', 'CareProviderRequest', ['medical'])
  @ApiCreatedResponse({
    type: CareProviderRequestResponseDto,
    description: 'Het vastgelegde verzoek aan de huisarts of andere zorgverlener',
  })
  @ApiForbiddenResponse({
    type: ApiErrorDto,
    description: 'Geen geldige schriftelijke toestemming voor het opvragen van gegevens (R-MED-04)',
  })
  @ApiConflictResponse(CLOSED)
  createRequest(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('trajectoryId', uuidPipe) trajectoryId: string,
    @Body() dto: CreateCareProviderRequestDto,
  ): Promise<CareProviderRequestView> {
    return this.requests.create(actor, trajectoryId, dto);
  }
}
