import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { InspectorConclusion, StaffQualification } from '@casebook/incidents';
import { IsMoment } from '../http/field-validators';

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

  @ApiProperty({ example: 'Asked whether a class photo may be posted on the teacher\'s account' })
  @IsString()
  @Length(1, 5000)
  summary!: string;
}
