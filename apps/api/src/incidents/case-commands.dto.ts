import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import type { CorrespondenceChannel, CorrespondenceCounterpart, CorrespondenceDirection } from '@casebook/incidents';
import { ID_PATTERN, IsMoment, SHA256_PATTERN } from '../http/field-validators';

const DIRECTIONS: readonly CorrespondenceDirection[] = ['incoming', 'outgoing'];
const COUNTERPARTS: readonly CorrespondenceCounterpart[] = ['parent', 'pupil', 'staff', 'police', 'inspector', 'other'];
const CHANNELS: readonly CorrespondenceChannel[] = ['letter', 'e-mail', 'phone', 'meeting'];
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;

/** `POST /incidents/{id}/scope-assessment` (SC2). */
export class ScopeAssessmentDto {
  @ApiProperty({ example: true, description: 'false closes the case as not-applicable; cyberbullying is always in scope (SC2)' })
  @IsBoolean()
  inScope!: boolean;

  @ApiProperty({ example: 'Messages in the class group chat during school hours' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}

/** `POST /incidents/{id}/evidence`: a description and the file's digest; the file itself is kept elsewhere. */
export class EvidenceDto {
  @ApiProperty({ example: 'Screenshot of the group chat, 3 November 20:31' })
  @IsString()
  @Length(1, 2000)
  description!: string;

  @ApiProperty({ example: 'a3f1c0de5b2e4f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a', description: 'SHA-256 of the file, hex' })
  @Matches(SHA256_PATTERN, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256!: string;

  @ApiProperty({ example: 'image/png' })
  @Matches(MEDIA_TYPE, { message: 'mediaType must be a media type such as image/png' })
  mediaType!: string;

  @ApiPropertyOptional({ example: '2026-11-03T20:35:00+01:00', description: 'When the evidence was captured (B4: not in the future)' })
  @IsOptional()
  @IsMoment()
  capturedAt?: string;
}

/** `POST /incidents/{id}/correspondence` (F1–F3): kept in the pupil file or the personnel file. */
export class CorrespondenceDto {
  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction!: CorrespondenceDirection;

  @ApiProperty({ enum: COUNTERPARTS })
  @IsIn(COUNTERPARTS)
  counterpart!: CorrespondenceCounterpart;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: CorrespondenceChannel;

  @ApiProperty({ example: '2026-11-04T16:00:00+01:00' })
  @IsMoment()
  occurredAt!: string;

  @ApiProperty({ example: 'Phoned the mother about the messages; she will talk with her son' })
  @IsString()
  @Length(1, 5000)
  summary!: string;

  @ApiPropertyOptional({ example: 'b4e2d1c0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2', description: 'SHA-256 of the letter or e-mail (F3)' })
  @IsOptional()
  @Matches(SHA256_PATTERN, { message: 'documentSha256 must be 64 hexadecimal characters' })
  documentSha256?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['pupil-42'],
    description:
      'F2: the pupils whose file keeps it (each involved in the case); by default the perpetrators, or the victims where there is no pupil perpetrator',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: 'each concerningPupilIds entry must be 1–64 letters, digits, - or _' })
  concerningPupilIds?: string[];
}

/** CLOSE1: one open obligation the close waives, and why. */
export class WaiverDto {
  @ApiProperty({
    format: 'uuid',
    example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b',
    description: 'An open obligation of this case (GET /incidents/{id} lists them)',
  })
  @IsUUID()
  obligationId!: string;

  @ApiProperty({ example: 'The parents moved abroad; no address is known' })
  @IsString()
  @Length(1, 2000)
  rationale!: string;
}

/** `POST /incidents/{id}/close` (CLOSE1: open obligations are done, or waived here one by one). */
export class CloseIncidentDto {
  @ApiProperty({ example: 'Measures taken, parents informed, no further action' })
  @IsString()
  @Length(1, 2000)
  outcome!: string;

  @ApiPropertyOptional({
    type: [WaiverDto],
    description: 'Each open obligation of the school waived, with a rationale; a statutory inspector item (B3) cannot be waived',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WaiverDto)
  waive?: WaiverDto[];
}

/** `POST /incidents/{id}/reopen`. */
export class ReopenIncidentDto {
  @ApiProperty({ example: 'New messages reported by the parents' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
