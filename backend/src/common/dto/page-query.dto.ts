import { ApiPropertyOptional } from '@nestjs/swagger';
import { type Page } from '@werkpad/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { nl } from '../validation-messages';

/** Search text and paging, the same for every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'zoektekst' })
  @IsOptional()
  @IsString({ message: nl.text })
  @MaxLength(100, { message: nl.maxLength(100) })
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100000) })
  @Min(1, { message: nl.integerBetween(1, 100000) })
  @Max(100000, { message: nl.integerBetween(1, 100000) })
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: nl.integerBetween(1, 100) })
  @Min(1, { message: nl.integerBetween(1, 100) })
  @Max(100, { message: nl.integerBetween(1, 100) })
  pageSize = 20;
}

export function toPage<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Escapes LIKE wildcards so that a search for "50%" means the text, not a pattern. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
