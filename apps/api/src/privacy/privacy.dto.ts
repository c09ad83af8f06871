import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, IsCalendarDay } from '../http/field-validators';

/** `POST /people/{personId}/erasure`: forget a person (crypto-shredding): board, legal. */
export class ErasureDto {
  @ApiProperty({
    example: 'Request of the parents under AVG art. 17, letter of 2026-11-20',
    description: 'Why: kept in the privacy record (write no personal data here)',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** `POST /people/{personId}/departure`: the day a pupil left school or an employment ended — retention starts. */
export class DepartureDto {
  @ApiProperty({ enum: ['pupil', 'staff'] })
  @IsIn(['pupil', 'staff'])
  personKind!: 'pupil' | 'staff';

  @ApiProperty({ example: '2026-07-17', description: 'Calendar day (YYYY-MM-DD)' })
  @IsCalendarDay()
  leftOn!: string;

  @ApiPropertyOptional({
    example: 'school-1',
    description: "DIR3: the school a pupil left; needed from a director when the directory does not know the pupil, and must be the directory's when it does",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId?: string;
}

/** `POST /incidents/{id}/legal-hold` and `.../legal-hold/lift`: board, legal. */
export class LegalHoldDto {
  @ApiProperty({ example: 'Proceedings at the district court; keep everything until they end' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
