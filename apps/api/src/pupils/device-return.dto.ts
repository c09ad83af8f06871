import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsMoment } from '../http/field-validators';

/** `POST /device-custody/{custodyId}/return` (M6). */
export class DeviceReturnDto {
  @ApiProperty({ enum: ['pupil', 'parent'], description: 'M6: to the pupil at the end of the day, or to a parent' })
  @IsIn(['pupil', 'parent'])
  returnedTo!: 'pupil' | 'parent';

  @ApiProperty({ example: '2026-11-02T15:05:00+01:00' })
  @IsMoment()
  returnedAt!: string;
}
