import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import type { CriminalReportDecisionKind } from '@casebook/incidents';
import { IsMoment } from '../http/field-validators';

const DECISIONS: readonly CriminalReportDecisionKind[] = ['report', 'do-not-report'];

/** `POST /criminal-report-decisions` (P4, B2): opened from a pupil incident or a staff case. */
export class OpenCriminalReportDecisionDto {
  @ApiProperty({ example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', description: 'The incident it is opened from' })
  @IsUUID(undefined, { message: 'sourceIncidentId must be the UUID of an incident' })
  sourceIncidentId!: string;

  @ApiProperty({ example: 'Threat (Sr 285)' })
  @IsString()
  @Length(1, 500)
  suspectedOffence!: string;
}

/** `POST /criminal-report-decisions/{id}/decision` (B2, B3): the board's. */
export class CriminalReportDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: CriminalReportDecisionKind;

  @ApiProperty({ example: 'Legal advice: the messages are a punishable threat', description: 'Required, also to report; do-not-report needs it most (B2)' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}

/** `POST /criminal-report-decisions/{id}/police-report` (B2): closes the police-report obligation. */
export class PoliceReportDto {
  @ApiProperty({ example: '2026-11-06T10:00:00+01:00' })
  @IsMoment()
  filedAt!: string;

  @ApiProperty({ example: 'Politie Utrecht, bureau Overvecht' })
  @IsString()
  @Length(1, 200)
  policeStation!: string;

  @ApiProperty({ example: 'PL0900-2026123456' })
  @IsString()
  @Length(1, 100)
  policeReference!: string;
}

/** `POST /criminal-report-decisions/{id}/notices` (B3, revision 2): the parents or the accused informed before the report. */
export class StatutoryNoticeDto {
  @ApiProperty({ enum: ['parents', 'accused'], description: "The pupil's parents, or the accused staff member" })
  @IsIn(['parents', 'accused'])
  to!: 'parents' | 'accused';

  @ApiProperty({ enum: ['letter', 'e-mail', 'phone', 'meeting'] })
  @IsIn(['letter', 'e-mail', 'phone', 'meeting'])
  channel!: 'letter' | 'e-mail' | 'phone' | 'meeting';

  @ApiProperty({ example: '2026-11-06T09:00:00+01:00' })
  @IsMoment()
  informedAt!: string;
}
