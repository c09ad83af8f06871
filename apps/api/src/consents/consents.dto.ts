import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsCalendarDay, IsNotBefore } from '../http/field-validators';

const SHA256 = /^[0-9a-fA-F]{64}$/;

/** `POST /pupils/{pupilId}/consents` (E4, R2): director of the pupil's school, or the board. */
export class ConsentDto {
  @ApiProperty({ example: 'school-1' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiProperty({ enum: ['mailbox', 'website-publication'], description: 'mailbox: E4 (parents only); website-publication: R2' })
  @IsIn(['mailbox', 'website-publication'])
  purpose!: 'mailbox' | 'website-publication';

  @ApiProperty({ enum: ['given', 'refused', 'withdrawn'] })
  @IsIn(['given', 'refused', 'withdrawn'])
  decision!: 'given' | 'refused' | 'withdrawn';

  @ApiProperty({ enum: ['parents', 'pupil'], description: 'Who decided (E4: a mailbox needs the parents)' })
  @IsIn(['parents', 'pupil'])
  givenBy!: 'parents' | 'pupil';

  @ApiPropertyOptional({ example: 'a'.repeat(64), description: 'SHA-256 of the signed form' })
  @IsOptional()
  @Matches(SHA256, { message: 'documentSha256 must be 64 hex digits' })
  documentSha256?: string;

  @ApiPropertyOptional({
    example: '2015-03-14',
    description: "CON1: the pupil's date of birth, when the directory does not know it; an unknown age counts as under 16",
  })
  @IsOptional()
  @IsCalendarDay()
  dateOfBirth?: string;
}

/** `POST /schools/{schoolId}/recording-permissions` (R1): the director's written permission. */
export class RecordingPermissionDto {
  @ApiProperty({ example: 'Video of the school musical in the hall', description: 'What may be recorded, where, at which activity' })
  @IsString()
  @Length(1, 500)
  what!: string;

  @ApiProperty({ example: 'staff-7', description: 'personId of whom the permission is for' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'grantedTo must be a personId (1–64 letters, digits, - or _)' })
  grantedTo!: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDay()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-20' })
  @IsOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsCalendarDay()
  @IsNotBefore('validFrom')
  validUntil?: string;

  @ApiProperty({ example: 'b'.repeat(64), description: 'SHA-256 of the written permission (R1)' })
  @Matches(SHA256, { message: 'documentSha256 must be 64 hex digits' })
  documentSha256!: string;
}
