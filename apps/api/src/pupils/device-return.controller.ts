import { Body, Controller, Param } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { DeviceReturnDto } from './device-return.dto';

@CommandEndpoints('pupils')
@Controller()
export class DeviceReturnController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('returnDevice', {
    summary: 'Return a device (M6): to the pupil or a parent; closes the device-return obligation',
    answer: '{ id (the custody), revision, position }',
  })
  @ApiNotFoundResponse({ description: 'No such custody' })
  @ApiConflictResponse({ description: 'Already returned, or returnedAt before it was taken (M6)' })
  async returnDevice(@Param('custodyId', UuidPipe) custodyId: string, @Body() body: DeviceReturnDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.pupilConduct.returnDevice(custodyId, { returnedTo: body.returnedTo, returnedAt: instant(body.returnedAt) }, issue());
  }
}
