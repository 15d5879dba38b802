import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type FgDashboard, FINDING_KINDS } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { Policy } from '../../authz/policy.decorator';
import { ApiGuardedErrors } from '../../common/api-docs';
import { FgDashboardService } from './fg-dashboard.service';

class AccessesPerDayDto {
  @ApiProperty({ example: '2026-11-22', description: 'kalenderdag in Nederlandse tijd' }) day: string;
  @ApiProperty({ example: 'coach', description: 'rol(len) van de gebruiker, met + verbonden' }) role: string;
  @ApiProperty() count: number;
}

class DeniedPerDayDto {
  @ApiProperty({ example: '2026-11-22' }) day: string;
  @ApiProperty() count: number;
}

class OpenFindingsDto {
  @ApiProperty() outside_scope: number;
  @ApiProperty() denied: number;
  @ApiProperty() many_clients: number;
  @ApiProperty() off_hours: number;
  @ApiProperty() emergency: number;
}

class DsrByDeadlineDto {
  @ApiProperty() open: number;
  @ApiProperty({ description: 'termijn verstrijkt binnen zeven dagen' }) dueWithinSevenDays: number;
  @ApiProperty({ description: 'termijn verstreken, nog geen beslissing' }) overdue: number;
}

class FgDashboardDto {
  @ApiProperty({ type: [AccessesPerDayDto], description: 'laatste 30 dagen' })
  accessesPerDay: AccessesPerDayDto[];
  @ApiProperty({ type: [DeniedPerDayDto], description: 'laatste 30 dagen, elke dag' })
  deniedPerDay: DeniedPerDayDto[];
  @ApiProperty({ type: OpenFindingsDto, description: `per soort: ${FINDING_KINDS.join(', ')}` })
  openFindings: OpenFindingsDto;
  @ApiProperty({ description: 'nog een besluit nodig over melden bij de AP of informeren van betrokkenen' })
  openBreaches: number;
  @ApiProperty({ description: 'niet gemeld en geen besluit, en de 72 uur zijn verstreken' })
  overdueBreaches: number;
  @ApiProperty({
    type: DsrByDeadlineDto,
    description: 'open verzoeken van betrokkenen naar termijn (R-DSR-03)',
  })
  dataSubjectRequestsByDeadline: DsrByDeadlineDto;
  @ApiProperty({ description: 'dossiers waarvan de bewaartermijn verstreken is (zonder blokkade)' })
  dossiersDueForDestruction: number;
}

/** The FG's dashboard; `read AuditEvent` is the FG's marker. */
@ApiTags('fg')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('fg')
export class FgDashboardController {
  constructor(private readonly dashboard: FgDashboardService) {}

  @Get('dashboard')
  @Policy('read', 'AuditEvent')
  @Audited('read', 'FgDashboard', [])
  @ApiOkResponse({ type: FgDashboardDto })
  get(): Promise<FgDashboard> {
    return this.dashboard.get();
  }
}
