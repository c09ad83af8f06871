import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { DEFAULT_POLICY, DEFAULT_SCHOOL_CALENDAR, type DeviceTakenIntoCustody, pupilConductHandler, pupilConductStream, schoolDayEnds } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { actorFor, commandMeta, respond } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { StreamLocator } from '../commands/stream-locator';
import { DeviceCustodyDto } from './device-custody.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

@CommandEndpoints('pupils')
@Controller('pupils/:pupilId')
export class DeviceCustodyController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly locator: StreamLocator,
  ) {}

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
    const actor = actorFor(principal, rolesFor('takeDeviceIntoCustody'), body.schoolId);
    const meta = commandMeta(headers);
    const now = new Date().toISOString();
    const custodyId = randomUUID();
    const schoolDay = schoolDayEnds(now, DEFAULT_SCHOOL_CALENDAR);
    const handler = pupilConductHandler(this.runtime.eventStore, DEFAULT_POLICY);
    // Before the append: the return and parent notifications name only the custody id (decisions.md #21).
    await this.locator.remember(custodyId, pupilConductStream(pupilId));
    const result = await handler.handle(
      pupilConductStream(pupilId),
      {
        type: 'TakeDeviceIntoCustody',
        context: { actor, now },
        data: {
          custodyId,
          informParentsObligationId: randomUUID(),
          returnObligationId: randomUUID(),
          pupilId,
          schoolId: body.schoolId,
          incidentId: body.incidentId,
          device: body.device,
          conditionChecked: body.conditionChecked,
          pupilPresent: body.pupilPresent,
          switchedOff: body.switchedOff,
          custodyUntil: body.custodyUntil === undefined ? undefined : new Date(body.custodyUntil).toISOString(),
          endOfSchoolDay: schoolDay.current,
          endOfNextSchoolDay: schoolDay.next,
        },
      },
      meta,
    );
    return respond(reply, result, custodyId, 201, (events) => {
      const taken = (events[0] as DeviceTakenIntoCustody).data;
      const inform = taken.obligations.find((o) => o.kind === 'inform-parents');
      return { offenceNumber: taken.offenceNumber, custodyUntil: taken.custodyUntil, ...(inform ? { informParentsObligationId: inform.obligationId } : {}) };
    });
  }
}
