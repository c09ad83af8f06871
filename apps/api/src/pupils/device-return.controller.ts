import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { DeviceReturnDto } from './device-return.dto';

@CommandEndpoints('pupils')
@Controller('device-custody/:custodyId')
export class DeviceReturnController {
  constructor(private readonly writeSide: WriteSide) {}

  @Access('returnDevice')
  @Post('return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a device (M6): to the pupil or a parent; closes the device-return obligation' })
  @ApiOkResponse({ description: '{ id (the custody), revision, position }' })
  @ApiNotFoundResponse({ description: 'No such custody' })
  @ApiConflictResponse({ description: 'Already returned, or returnedAt before it was taken (M6)' })
  async returnDevice(
    @Param('custodyId', UuidPipe) custodyId: string,
    @Body() body: DeviceReturnDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.pupilConduct.returnDevice(custodyId, { returnedTo: body.returnedTo, returnedAt: instant(body.returnedAt) }, issue());
  }
}
