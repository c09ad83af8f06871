import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, IsCalendarDay } from '../http/field-validators';

/** `POST /pupils/{pupilId}/email-account/suspensions` (E1, E2). */
export class EmailSuspensionDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiProperty({ enum: ['unlawful-activity', 'irresponsible-use', 'bullying'] })
  @IsIn(['unlawful-activity', 'irresponsible-use', 'bullying'])
  ground!: 'unlawful-activity' | 'irresponsible-use' | 'bullying';

  @ApiProperty({ example: '2026-12-04', description: 'Last day of the suspension (YYYY-MM-DD), set by the director (E1)' })
  @IsCalendarDay()
  until!: string;

  @ApiProperty({ example: 'Threatening messages to a classmate', description: 'Told to the pupil or parents (E2)' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

/** `POST /pupils/{pupilId}/email-account/warnings` (E3). */
export class EmailWarningDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiProperty({ example: 'Chain mail to the whole class' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
