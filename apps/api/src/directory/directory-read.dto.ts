import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { ID_PATTERN } from '../http/field-validators';
import { ListQueryDto } from '../reads/read-query.dto';

/** `GET /directory/people`: a school, a kind, the start of a name. */
export class DirectoryPeopleQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'school-1' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'schoolId must be 1–64 letters, digits, - or _' })
  schoolId?: string;

  @ApiPropertyOptional({ enum: ['staff', 'pupil', 'parent'] })
  @IsOptional()
  @IsIn(['staff', 'pupil', 'parent'])
  kind?: 'staff' | 'pupil' | 'parent';

  @ApiPropertyOptional({ example: 'viss', description: 'The start of a name or of one of its words, any case' })
  @IsOptional()
  @Length(1, 100)
  q?: string;
}

/** `GET /schools/{schoolId}/pupils`: the start of a name, for the report form's picker. */
export class SchoolPupilsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'daan', description: 'The start of a name or of one of its words, any case' })
  @IsOptional()
  @Length(1, 100)
  q?: string;
}
