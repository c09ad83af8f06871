import { Body, Controller, Headers, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { DEFAULT_POLICY, pupilConductHandler } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { commandMeta, contextFor, instant, respond } from '../commands/command-http';
import { StreamLocator } from '../commands/stream-locator';
import { UuidPipe } from '../http/uuid.pipe';
import { DeviceReturnDto } from './device-return.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

@CommandEndpoints('pupils')
@Controller('device-custody/:custodyId')
export class DeviceReturnController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly locator: StreamLocator,
  ) {}

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
    const context = contextFor(principal, rolesFor('returnDevice'));
    const meta = commandMeta(headers);
    const streamId = await this.locator.find(custodyId);
    if (!streamId) throw new NotFoundException({ detail: `No device custody ${custodyId}`, rule: 'M6' });
    const data = { custodyId, returnedTo: body.returnedTo, returnedAt: instant(body.returnedAt) };
    const result = await pupilConductHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(streamId, { type: 'ReturnDevice', context, data }, meta);
    return respond(reply, result, custodyId, 200);
  }
}
