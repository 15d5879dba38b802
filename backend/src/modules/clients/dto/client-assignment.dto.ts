import { ApiPropertyOptional } from '@nestjs/swagger';
import { type ClientAssignment } from '@werkpad/shared';
import { IsOptional, IsUUID, type ValidationArguments } from 'class-validator';

const uuidMessage = (args: ValidationArguments): string =>
  `${args.property} moet een geldige UUID zijn of leeg (null)`;

/** PUT /api/clients/:id/assignment: a field left out stays as it is, null removes the assignment. */
export class ClientAssignmentDto implements ClientAssignment {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'trajectbegeleider' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage })
  coachId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'inkomensconsulent' })
  @IsOptional()
  @IsUUID('all', { message: uuidMessage })
  incomeConsultantId?: string | null;
}
