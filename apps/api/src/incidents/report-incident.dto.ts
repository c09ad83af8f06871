import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { INVOLVEMENT_ROLES, PERSON_KINDS, PUPIL_INCIDENT_CATEGORIES, STAFF_MISCONDUCT_CATEGORIES } from '@casebook/incidents';
import { ID_PATTERN, IsMoment } from '../http/field-validators';

export class InvolvedPersonDto {
  @ApiProperty({ example: 'pupil-42' })
  @Matches(ID_PATTERN, { message: 'personId must be 1–64 letters, digits, - or _' })
  personId!: string;

  @ApiProperty({ enum: PERSON_KINDS })
  @IsIn(PERSON_KINDS)
  personKind!: (typeof PERSON_KINDS)[number];

  @ApiProperty({ enum: INVOLVEMENT_ROLES })
  @IsIn(INVOLVEMENT_ROLES)
  role!: (typeof INVOLVEMENT_ROLES)[number];

  @ApiPropertyOptional({ example: 'Noor', description: 'Personal data: never sent to Kafka or logged' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;
}

const CATEGORIES = [...new Set([...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES])];

/** `POST /incidents` (api.md; SC1, B4). Whether the category fits the type is the domain's to say (SC1, 409). */
export class ReportIncidentDto {
  @ApiProperty({ enum: ['pupil-incident', 'staff-misconduct'] })
  @IsIn(['pupil-incident', 'staff-misconduct'])
  type!: 'pupil-incident' | 'staff-misconduct';

  @ApiProperty({ example: 'school-1' })
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId!: string;

  @ApiProperty({ enum: CATEGORIES, example: 'cyberbullying' })
  @IsIn(CATEGORIES)
  category!: string;

  @ApiProperty({ example: '2026-11-03T20:30:00+01:00', description: 'When it happened (B4: not in the future)' })
  @IsMoment()
  occurredAt!: string;

  @ApiProperty({ example: 'Threatening messages in the class group chat' })
  @IsString()
  @Length(1, 5000)
  summary!: string;

  @ApiProperty({ type: [InvolvedPersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvolvedPersonDto)
  involved!: InvolvedPersonDto[];
}
