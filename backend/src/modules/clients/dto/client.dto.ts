import { ApiProperty } from '@nestjs/swagger';

export class ClientSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ example: '******782', description: 'BSN, gemaskeerd' }) bsnMasked: string;
  @ApiProperty() city: string;
  @ApiProperty({ nullable: true, type: String }) coachId: string | null;
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientSummaryDto] }) items: ClientSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
