import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_KINDS } from '@casebook/event-store';
import { PUPIL_INCIDENT_CATEGORIES, STAFF_MISCONDUCT_CATEGORIES } from '@casebook/incidents';
import { STATISTICS_KEYS } from '@casebook/projections';
import { ID_PATTERN, IsCalendarDay, IsNotBefore } from '../http/field-validators';
import { ReadQueryDto } from '../reads/read-query.dto';

const CATEGORIES = [...new Set([...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES])];

/** A period of reports: calendar days in the board's time zone, both included. */
class PeriodQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ example: '2026-08-01', description: 'Reported on or after this day (Europe/Amsterdam)' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2027-07-31', description: 'Reported on or before this day (Europe/Amsterdam)' })
  @IsOptional()
  @IsCalendarDay()
  @IsNotBefore('from')
  to?: string;
}

/** `GET /incidents` (api.md revision 2, "Caseload and work"): every filter of the contract, and a page. */
export class CaseloadQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'school-1' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId?: string;

  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: 'pupil-incident' | 'staff-misconduct';

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ example: 'pupil-42', description: 'Cases this person is involved in (or was heard in)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'personId must be 1–64 letters, digits, - or _' })
  personId?: string;

  @ApiPropertyOptional({ example: 'staff-dir-1', description: 'Cases this person owns (POST /incidents/{id}/assignment)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'ownerId must be 1–64 letters, digits, - or _' })
  ownerId?: string;

  @ApiPropertyOptional({ example: '2026-0042' })
  @IsOptional()
  @Matches(/^\d{4}-\d{4,9}$/, { message: 'caseNumber must be a case number such as 2026-0042' })
  caseNumber?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only cases with an overdue obligation' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ example: '50', description: 'Page size, 1–200 (default 50)' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ example: 'eyJyIjoiMjAyNi0xMi0wNFQxMDowMDowMC4wMDAwMDBaIiwiaSI6IjBmOGUifQ', description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'cursor must be a nextCursor this API gave' })
  cursor?: string;
}

/** `GET /statistics`: a period, the keys to group by, a school. */
export class StatisticsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'school,category', description: `Comma-separated, any of ${STATISTICS_KEYS.join(', ')}; none: one row of totals` })
  @IsOptional()
  @Matches(new RegExp(`^(?:${STATISTICS_KEYS.join('|')})(?:,(?:${STATISTICS_KEYS.join('|')})){0,3}$`), {
    message: `groupBy must be a comma-separated list of ${STATISTICS_KEYS.join(', ')}`,
  })
  groupBy?: string;

  @ApiPropertyOptional({ example: 'school-1', description: 'One school (a director: one of its own)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId?: string;
}
