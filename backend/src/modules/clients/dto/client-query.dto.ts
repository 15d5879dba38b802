import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_SORTS,
  CLIENT_STATUS_FILTERS,
  type ClientListQuery,
  type ClientSort,
  type ClientStatusFilter,
  SORT_DIRECTIONS,
  type SortDirection,
  STAFF_ROLES,
  type StaffRole,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';
import { IsIn, IsOptional, IsUUID, type ValidationArguments } from 'class-validator';

import { PageQueryDto } from '../../../common/dto/page-query.dto';

const oneOf =
  (values: readonly string[]) =>
  (args: ValidationArguments): string =>
    `${args.property} moet een van deze waarden zijn: ${values.join(', ')}`;

/** GET /api/clients: caseload and search, sorted and filtered; every criterion is audited. */
export class ClientListQueryDto extends PageQueryDto implements ClientListQuery {
  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(CLIENT_SORTS, { message: oneOf(CLIENT_SORTS) })
  sort: ClientSort = 'name';

  @ApiPropertyOptional({ enum: SORT_DIRECTIONS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS, { message: oneOf(SORT_DIRECTIONS) })
  direction: SortDirection = 'asc';

  @ApiPropertyOptional({ enum: TRAJECTORY_TYPES, description: 'heeft een traject van dit type' })
  @IsOptional()
  @IsIn(TRAJECTORY_TYPES, { message: oneOf(TRAJECTORY_TYPES) })
  trajectoryType?: TrajectoryType;

  @ApiPropertyOptional({
    enum: CLIENT_STATUS_FILTERS,
    description: 'heeft een traject met deze status (van trajectoryType, als opgegeven)',
  })
  @IsOptional()
  @IsIn(CLIENT_STATUS_FILTERS, { message: oneOf(CLIENT_STATUS_FILTERS) })
  status?: ClientStatusFilter;

  @ApiPropertyOptional({ format: 'uuid', description: 'trajectbegeleider' })
  @IsOptional()
  @IsUUID('all', { message: (args: ValidationArguments) => `${args.property} moet een geldige UUID zijn` })
  coachId?: string;
}

/** GET /api/clients/staff: who can be chosen as coach or income consultant. */
export class StaffQueryDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: oneOf(STAFF_ROLES) })
  role: StaffRole;
}
