import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  type Finding,
  FINDING_KINDS,
  type FindingKind,
  type FindingQuery,
  type FindingReview,
  type Page,
  type ReviewFindingRequest,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { nl } from '../../../common/validation-messages';

const DATE_MESSAGE = (field: string) => `${field} moet een datum zijn (JJJJ-MM-DD)`;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** GET /api/findings: kind, reviewed or not, a period of Dutch calendar days; newest first. */
export class FindingQueryDto extends OmitType(PageQueryDto, ['q'] as const) implements FindingQuery {
  @ApiPropertyOptional({ enum: FINDING_KINDS })
  @IsOptional()
  @IsIn(FINDING_KINDS, { message: `kind moet een van deze soorten zijn: ${FINDING_KINDS.join(', ')}` })
  kind?: FindingKind;

  @ApiPropertyOptional({ type: Boolean, description: 'true: alleen beoordeelde; false: alleen open' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === true) return true;
    if (value === 'false' || value === false) return false;
    return value;
  })
  @IsBoolean({ message: nl.boolean })
  reviewed?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'vanaf deze dag (Nederlandse tijd)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'tot en met deze dag (Nederlandse tijd)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE('to') })
  to?: string;
}

/** GET /api/findings/export: the same filters as the list; paging does not apply to a file. */
export class FindingExportQueryDto extends OmitType(FindingQueryDto, ['page', 'pageSize'] as const) {}

/** PUT /api/findings/review */
export class ReviewFindingDto implements ReviewFindingRequest {
  @ApiProperty({ example: 'emergency:6f1c7c1e-1f3b-4f0e-9f55-0d5c8c1f2a11' })
  @IsString({ message: nl.text })
  @MinLength(3, { message: nl.minLength(3) })
  @MaxLength(200, { message: nl.maxLength(200) })
  key: string;

  @ApiProperty({ description: 'Wat de FG heeft vastgesteld', maxLength: 2000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: nl.text })
  @MinLength(1, { message: 'note is verplicht: leg vast wat u heeft vastgesteld' })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  note: string;
}

class FindingReviewDto implements FindingReview {
  @ApiProperty({ format: 'uuid' }) reviewedBy: string;
  @ApiProperty() reviewedByName: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty() note: string;
}

export class FindingDto implements Finding {
  @ApiProperty({ description: 'Stabiele sleutel, bijvoorbeeld denied:1234 of many:<gebruiker>:<dag>' })
  key: string;
  @ApiProperty({ enum: FINDING_KINDS }) kind: FindingKind;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ type: [String], description: "Cliënt-id's; nooit namen of inhoud" }) clientIds: string[];
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) auditSeqs: string[];
  @ApiProperty({ type: FindingReviewDto, nullable: true }) review: FindingReviewDto | null;
}

export class FindingPageDto implements Page<Finding> {
  @ApiProperty({ type: [FindingDto] }) items: FindingDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
