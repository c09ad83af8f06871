import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { DisciplinaryMeasure, HeardAs, ParentNotificationChannel, PersonKind, PupilMeasure } from '@casebook/incidents';
import { PERSON_KINDS } from '@casebook/incidents';
import { ID_PATTERN, IsCalendarDay, IsMoment, IsNotBefore } from '../http/field-validators';

const PUPIL_MEASURES: readonly PupilMeasure[] = ['warning', 'ict-ban', 'behaviour-contract', 'suspension', 'removal', 'school-access-ban'];
// `dismissal` is accepted here so that the domain can answer why not (409 S13: a dismissal is a procedure).
const DISCIPLINARY_MEASURES: readonly DisciplinaryMeasure[] = [
  'warning',
  'reprimand',
  'suspension',
  'summary-dismissal',
  'suspension-pending-investigation',
  'dismissal',
];
const HEARD_AS: readonly HeardAs[] = ['class-teacher', 'parent', 'staff-member'];
const MEASURES = [...new Set<string>([...PUPIL_MEASURES, ...DISCIPLINARY_MEASURES])];
const NOTIFICATION_CHANNELS: readonly ParentNotificationChannel[] = ['letter', 'e-mail', 'phone', 'meeting'];

/**
 * `POST /incidents/{id}/measures`: a pupil measure (P1–P3, P5, P6) in a pupil incident, a disciplinary measure
 * (S9, S11) in a staff case. Which measures fit the kind of case is the domain's to say (409).
 */
export class MeasureDto {
  @ApiProperty({ example: 'pupil-42', description: 'The pupil or staff member the measure is against' })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({
    enum: MEASURES,
    description: `Pupil case: ${PUPIL_MEASURES.filter((m) => m !== 'school-access-ban').join(', ')}; against a parent of the case (P7): warning, school-access-ban (with endsOn). Staff: ${DISCIPLINARY_MEASURES.join(', ')}.`,
  })
  @IsIn(MEASURES)
  measure!: string;

  @ApiProperty({ example: 'Threatening messages to a classmate' })
  @IsString()
  @Length(1, 5000)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-11-09', description: 'First day (suspension)' })
  @IsOptional()
  @IsCalendarDay()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-11-10', description: 'Last day (suspension, ICT ban); not before startsOn' })
  @IsOptional()
  @IsCalendarDay()
  @IsNotBefore('startsOn')
  endsOn?: string;

  @ApiPropertyOptional({ example: '2026-11-04T15:00:00+01:00', description: 'Summary dismissal: when it was communicated, with its reason (S11)' })
  @IsOptional()
  @IsMoment()
  communicatedAt?: string;

  @ApiPropertyOptional({ example: '2026-11-03T09:00:00+01:00', description: 'Summary dismissal: when the board learned the facts (S11)' })
  @IsOptional()
  @IsMoment()
  factsKnownAt?: string;

  @ApiPropertyOptional({
    example: "The staff member was heard first; the hearing was moved at the union's request",
    description: 'Summary dismissal: why more than five working days lie between learning the facts and the dismissal (S11)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  delayReason?: string;
}

/** `POST /incidents/{id}/parent-notifications` (P2, E2, E3, M2): closes the "inform parents" obligation. */
export class ParentNotificationDto {
  @ApiProperty({ example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', description: 'The id of the measure, device custody or e-mail account action' })
  @IsUUID(undefined, { message: 'regarding must be the UUID of a measure, custody or account action' })
  regarding!: string;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  @IsIn(NOTIFICATION_CHANNELS)
  channel!: ParentNotificationChannel;

  @ApiProperty({ example: '2026-11-04T16:30:00+01:00' })
  @IsMoment()
  informedAt!: string;
}

/** `POST /incidents/{id}/hearings`: the teacher and the parents before a removal (P6); the staff member before a disciplinary measure (S12). */
export class HearingDto {
  @ApiProperty({ example: 'staff-17' })
  @Matches(ID_PATTERN, { message: 'heardPersonId must be 1–64 letters, digits, - or _' })
  heardPersonId!: string;

  @ApiPropertyOptional({ enum: PERSON_KINDS, description: 'Required when the heard person is not among the involved (often the teacher)' })
  @IsOptional()
  @IsIn(PERSON_KINDS)
  heardPersonKind?: PersonKind;

  @ApiPropertyOptional({ enum: HEARD_AS, description: 'Whose hearing it is: the class teacher or a parent (P6), the staff member (S12)' })
  @IsOptional()
  @IsIn(HEARD_AS)
  heardAs?: HeardAs;

  @ApiPropertyOptional({
    example: 'pupil-42',
    description: 'P6: the pupil whose class teacher or parent is heard (required with heardAs class-teacher or parent)',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'ofPupilId must be 1–64 letters, digits, - or _' })
  ofPupilId?: string;

  @ApiProperty({ example: '2026-11-05T10:00:00+01:00' })
  @IsMoment()
  heardAt!: string;

  @ApiProperty({ example: 'The teacher describes three earlier incidents in class' })
  @IsString()
  @Length(1, 5000)
  summary!: string;
}

/** `POST /incidents/{id}/inspectorate-reports` (P5): the suspension was reported in writing to the Inspectorate. */
export class InspectorateReportDto {
  @ApiProperty({ example: '2026-11-10T14:00:00+01:00', description: 'When the report was made (not in the future)' })
  @IsMoment()
  reportedAt!: string;

  @ApiProperty({ example: 'ISD-2026-118', description: "The Inspectorate's reference of the report" })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiPropertyOptional({
    example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b',
    description: 'The suspension or removal (measure id) reported; may be left out when the case has one report open',
  })
  @IsOptional()
  @IsUUID()
  regarding?: string;

  @ApiPropertyOptional({
    enum: ['inspectorate', 'attendance-officer'],
    description: 'P6: a removal is also reported to the school-attendance officer (leerplichtambtenaar); the Inspectorate when left out',
  })
  @IsOptional()
  @IsIn(['inspectorate', 'attendance-officer'])
  recipient?: 'inspectorate' | 'attendance-officer';
}

/** `POST /incidents/{id}/removal-intentions` (P6): the board intends to remove the pupil. */
export class RemovalIntentionDto {
  @ApiProperty({ example: 'pupil-42' })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({ example: 'Repeated threats after a suspension' })
  @IsString()
  @Length(1, 5000)
  reason!: string;
}

/** `POST /incidents/{id}/placements` (P6): the removal becomes final. */
export class PlacementDto {
  @ApiProperty({ example: 'pupil-42' })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({ enum: ['admitted', 'search-ended'], description: 'admitted: another school agreed; search-ended: eight weeks without result' })
  @IsIn(['admitted', 'search-ended'])
  outcome!: 'admitted' | 'search-ended';

  @ApiPropertyOptional({ example: 'De Regenboog, Utrecht', description: 'The admitting school (with admitted)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  admittingSchool?: string;

  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' })
  @IsMoment()
  decidedAt!: string;
}

/** `POST /incidents/{id}/objections` (P6): the parents object to the removal. */
export class ObjectionDto {
  @ApiProperty({ example: 'pupil-42' })
  @Matches(ID_PATTERN, { message: 'subjectId must be 1–64 letters, digits, - or _' })
  subjectId!: string;

  @ApiProperty({ example: '2026-11-20T09:00:00+01:00' })
  @IsMoment()
  receivedAt!: string;

  @ApiProperty({ example: 'The parents ask the board to reconsider' })
  @IsString()
  @Length(1, 5000)
  summary!: string;
}

/** `POST /incidents/{id}/objections/{objectionId}/decision` (P6). */
export class ObjectionDecisionDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  decision!: 'upheld' | 'rejected';

  @ApiProperty({ example: 'The removal stands: no other measure protects the classmates' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}
