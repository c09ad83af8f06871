import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { instant, issuedBy, respond } from '../commands/command-http';
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
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'returnDevice', headers);
    return respond(reply, await this.writeSide.pupilConduct.returnDevice(custodyId, { returnedTo: body.returnedTo, returnedAt: instant(body.returnedAt) }, issued), 200);
  }
}
