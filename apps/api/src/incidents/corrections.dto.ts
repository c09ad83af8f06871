import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ID_PATTERN } from '../http/field-validators';
import { PUPIL_INCIDENT_CATEGORIES, STAFF_MISCONDUCT_CATEGORIES } from '@casebook/incidents';

const CATEGORIES = [...new Set([...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES])];

/** `POST /incidents/{id}/reclassification` (COR1, B3). Whether the category fits the kind is the domain's (409 SC1). */
export class ReclassificationDto {
  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category!: string;

  @ApiProperty({ example: 'The messages turned out to be threats, not a shared photo' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}

/** `POST /incidents/{id}/withdrawals` (COR1): a measure withdrawn. */
export class WithdrawalDto {
  @ApiProperty({ format: 'uuid', example: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', description: 'The measure withdrawn (its id)' })
  @IsUUID()
  withdrawnId!: string;

  @ApiProperty({ example: 'Upheld on objection: the suspension was disproportionate' })
  @IsString()
  @Length(1, 5000)
  rationale!: string;
}

/** `POST /incidents/{id}/assignment` (caseload): who handles the case. */
export class AssignmentDto {
  @ApiProperty({ example: 'staff-dir-1', description: 'A staff person id of the administration: the case owner' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'ownerId must be 1–64 letters, digits, - or _' })
  ownerId!: string;
}
