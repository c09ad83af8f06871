import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ID_PATTERN, IsMoment } from '../http/field-validators';

export class ConditionCheckedDto {
  @ApiProperty({ example: 'none', description: 'Damage found when the device was checked in front of the pupil (M4)' })
  @IsString()
  @Length(1, 500)
  damage!: string;

  @ApiProperty({ example: true, description: 'Whether the device worked correctly (M4)' })
  @IsBoolean()
  working!: boolean;
}

/** `POST /pupils/{pupilId}/device-custody` (api.md; rules M1–M5; TC1: also a teacher of the school). */
export class DeviceCustodyDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiProperty({ example: 'phone' })
  @IsString()
  @Length(1, 100)
  device!: string;

  @ApiProperty({ type: ConditionCheckedDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ConditionCheckedDto)
  conditionChecked!: ConditionCheckedDto;

  @ApiProperty({ example: true, description: 'Must be true: the check happens in the presence of the pupil (M4)' })
  @IsBoolean()
  pupilPresent!: boolean;

  @ApiProperty({ example: true, description: 'Must be true: the device is switched off after the check (M4)' })
  @IsBoolean()
  switchedOff!: boolean;

  @ApiPropertyOptional({ format: 'uuid', example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', description: 'The pupil incident this custody belongs to' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({
    example: '2026-11-06T10:20:00+01:00',
    description: 'When the device was taken (M1; B4: not in the future). Defaults to now; decides the school day and the school year',
  })
  @IsOptional()
  @IsMoment()
  takenAt?: string;

  @ApiPropertyOptional({ example: '2026-11-06T15:00:00+01:00', description: 'Required from the third offence in a school year (M3), set by the director' })
  @IsOptional()
  @IsMoment()
  custodyUntil?: string;
}

/** `GET /pupils/{pupilId}/device-custody/preview`: the school, and when taken and until when if the user gave them. */
export class DeviceCustodyPreviewQueryDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiPropertyOptional({ example: '2026-11-06T10:00:00+01:00', description: 'When it is taken; now when left out' })
  @IsOptional()
  @IsMoment()
  takenAt?: string;

  @ApiPropertyOptional({ example: '2026-11-09T15:00:00+01:00', description: 'The period the director would set (M2, M3)' })
  @IsOptional()
  @IsMoment()
  custodyUntil?: string;
}
