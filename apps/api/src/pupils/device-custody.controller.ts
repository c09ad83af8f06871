import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { instant, issuedBy, respond } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { DeviceCustodyDto } from './device-custody.dto';

@CommandEndpoints('pupils')
@Controller('pupils/:pupilId')
export class DeviceCustodyController {
  constructor(private readonly writeSide: WriteSide) {}

  @Access('takeDeviceIntoCustody')
  @Post('device-custody')
  @HttpCode(201)
  @ApiOperation({ summary: 'Take a device into custody (M1–M5): director of the school, or the board' })
  @ApiCreatedResponse({ description: '{ id, revision, position, offenceNumber, custodyUntil, informParentsObligationId? }' })
  @ApiConflictResponse({ description: 'A rule refuses it, e.g. M3 without custodyUntil from the third offence' })
  async takeIntoCustody(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Body() body: DeviceCustodyDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'takeDeviceIntoCustody', headers, body.schoolId);
    const custody = {
      schoolId: body.schoolId,
      incidentId: body.incidentId,
      device: body.device,
      conditionChecked: body.conditionChecked,
      pupilPresent: body.pupilPresent,
      switchedOff: body.switchedOff,
      custodyUntil: instant(body.custodyUntil),
    };
    return respond(reply, await this.writeSide.pupilConduct.takeDeviceIntoCustody(pupilId, custody, issued), 201);
  }
}
