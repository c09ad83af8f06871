import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { DisciplinaryMeasure, DismissalOutcome, DismissalRoute, InspectorConclusion, StaffQualification } from '@casebook/incidents';
import { ID_PATTERN, IsMoment } from '../http/field-validators';

const QUALIFICATIONS: readonly StaffQualification[] = ['dereliction-of-duty', 'boundary-crossing'];
const CONCLUSIONS: readonly InspectorConclusion[] = ['reasonable-suspicion', 'no-reasonable-suspicion'];

/** `POST /incidents/{id}/qualifications` (S8, B1): the board's qualification; boundary-crossing queues the inspector call. */
export class QualificationDto {
  @ApiProperty({ enum: QUALIFICATIONS })
  @IsIn(QUALIFICATIONS)
  qualification!: StaffQualification;

  @ApiProperty({ example: 'Private messages to a pupil outside school hours' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}

/** `POST /incidents/{id}/inspector-call` (B1, B3): the call to the national confidential inspector. */
export class InspectorCallDto {
  @ApiProperty({ example: '2026-11-05T09:15:00+01:00' })
  @IsMoment()
  calledAt!: string;

  @ApiProperty({ example: 'VI-2026-0415' })
  @IsString()
  @Length(1, 100)
  inspectorReference!: string;

  @ApiProperty({ example: 'Discussed the messages; the inspector advises a conversation with the teacher' })
  @IsString()
  @Length(1, 5000)
  summary!: string;

  @ApiPropertyOptional({ enum: CONCLUSIONS, description: 'Required for a statutory item (B3)' })
  @IsOptional()
  @IsIn(CONCLUSIONS)
  conclusion?: InspectorConclusion;
}

/** `POST /incidents/{id}/manager-consultations` (S10). */
export class ManagerConsultationDto {
  @ApiProperty({ example: '2026-11-04T11:00:00+01:00' })
  @IsMoment()
  consultedAt!: string;

  @ApiProperty({ example: "Asked whether a class photo may be posted on the teacher's account" })
  @IsString()
  @Length(1, 5000)
  summary!: string;
}

/** `POST /staff/{staffId}/manager-consultations` (S10, revision 2): a consultation without a case. */
export class StaffManagerConsultationDto extends ManagerConsultationDto {
  @ApiPropertyOptional({ example: 'staff-dir-1', description: 'The manager consulted' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'managerId must be 1–64 letters, digits, - or _' })
  managerId?: string;
}

const INTENDED: readonly DisciplinaryMeasure[] = ['reprimand', 'suspension', 'summary-dismissal'];
const ROUTES: readonly DismissalRoute[] = ['uwv', 'cantonal-court', 'settlement'];
const OUTCOMES: readonly DismissalOutcome[] = ['granted', 'refused', 'settled', 'withdrawn'];

/** `POST /incidents/{id}/disciplinary-intentions` (S12): the board's written announcement, before hearing the staff member. */
export class DisciplinaryIntentionDto {
  @ApiProperty({ example: 'staff-17', description: "The staff member (the case's perpetrator)" })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({ enum: INTENDED, description: 'The measure intended (a warning needs no intention)' })
  @IsIn(INTENDED)
  measure!: DisciplinaryMeasure;

  @ApiProperty({ example: '2026-11-09T10:00:00+01:00', description: 'When the letter was sent (not in the future)' })
  @IsMoment()
  announcedAt!: string;
}

/** `POST /incidents/{id}/dismissal-procedure` (S13): the board starts a dismissal procedure. */
export class DismissalProcedureDto {
  @ApiProperty({ example: 'staff-17', description: "The staff member (the case's perpetrator)" })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({ enum: ROUTES, description: 'UWV (permit), cantonal court (dissolution) or a settlement agreement' })
  @IsIn(ROUTES)
  route!: DismissalRoute;

  @ApiProperty({ example: '2026-11-16T09:00:00+01:00' })
  @IsMoment()
  startedAt!: string;
}

/** `POST /incidents/{id}/dismissal-procedure/outcome` (S13). */
export class DismissalOutcomeDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: DismissalOutcome;

  @ApiProperty({ example: '2027-01-20T12:00:00+01:00' })
  @IsMoment()
  decidedAt!: string;

  @ApiPropertyOptional({ example: 'staff-17', description: 'Needed only when the case has more than one open procedure' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId?: string;
}
