import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsMoment } from '../http/field-validators';
import { ListQueryDto, ReadQueryDto } from './read-query.dto';

export class ObligationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'overdue', 'done', 'lapsed'],
    description: "`open` includes the overdue ones; `lapsed`: the parents' objection windows that passed unused (P6: theirs, never overdue); none: all",
  })
  @IsOptional()
  @IsIn(['open', 'overdue', 'done', 'lapsed'])
  status?: 'open' | 'overdue' | 'done' | 'lapsed';
}

export class InspectorNotificationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'done', 'overdue'], description: '`pending` includes the overdue ones; none: all' })
  @IsOptional()
  @IsIn(['pending', 'done', 'overdue'])
  status?: 'pending' | 'done' | 'overdue';
}

export class AccessLogQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'pupil-42', description: 'Whose data was read' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId?: string;

  @ApiPropertyOptional({ example: 'staff-dir-1', description: 'Who read' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'actorId must be 1–64 letters, digits, - or _' })
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+01:00' })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+01:00' })
  @IsOptional()
  @IsMoment()
  to?: string;
}

export class TimelineQueryDto extends ListQueryDto {}

/** `GET /incidents/{id}/audit-export`: the signed JSON bundle (default), or its printed timeline as PDF. */
export class AuditExportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'pdf'],
    description:
      'json: the verifiable bundle (default; also by `Accept: application/json`); pdf: the Dutch timeline carrying the manifest hash on every page (also by `Accept: application/pdf`)',
  })
  @IsOptional()
  @IsIn(['json', 'pdf'])
  format?: 'json' | 'pdf';
}

/** `GET /access-log/audit-export`: the access log of one person (subjectId) or one actor, as a signed bundle. */
export class AccessLogExportQueryDto extends OmitType(AccessLogQueryDto, ['limit', 'cursor'] as const) {}
