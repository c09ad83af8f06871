import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** What every read takes: read-your-writes (api.md) and, on lists, a page. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    example: '3088384',
    description: "Answer once the read model has reached this position (a command's `position`); at most 5 s, then 503",
  })
  @IsOptional()
  @Matches(/^\d{1,16}$/, { message: 'waitForPosition must be a position a command answered with' })
  waitForPosition?: string;
}

export class ListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ example: '50', description: 'Page size, 1–200 (default 50)' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ example: 'NTA', description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'cursor must be a nextCursor this API gave' })
  cursor?: string;
}

/** A page's offset from its cursor, and the cursor of the page after it. */
export function page(query: ListQueryDto): { limit: number; offset: number; next: (count: number) => string | null } {
  const limit = Number(query.limit ?? 50);
  const offset = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString()) : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) return { limit, offset: Number.NaN, next: () => null };
  return { limit, offset, next: (count) => (count < limit ? null : Buffer.from(String(offset + count)).toString('base64url')) };
}
