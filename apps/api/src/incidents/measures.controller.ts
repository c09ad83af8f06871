import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { DEFAULT_POLICY, type DisciplinaryMeasure, type OpenedObligation, type PupilMeasure, pupilConductHandler } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { commandMeta, contextFor, instant, respond } from '../commands/command-http';
import { StreamLocator } from '../commands/stream-locator';
import { UuidPipe } from '../http/uuid.pipe';
import { IncidentCases } from './incident-cases';
import { HearingDto, MeasureDto, ParentNotificationDto } from './pupil-incident-commands.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** What a measure opened, for the client to act on (ids, kinds and due times only). */
function openedObligations(events: readonly unknown[]): Record<string, unknown> {
  const obligations = events.flatMap((event) => (event as { data: { obligations?: readonly OpenedObligation[] } }).data.obligations ?? []);
  return { obligations: obligations.map(({ obligationId, kind, dueAt }) => ({ obligationId, kind, dueAt })) };
}

/** Measures against pupils and staff, hearings before a removal, and informing parents ("Sancties en gevolgen"). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id (or nothing `regarding` names)' })
@Controller('incidents/:id')
export class MeasuresController {
  constructor(
    private readonly cases: IncidentCases,
    private readonly locator: StreamLocator,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Access('takeMeasure')
  @Post('measures')
  @HttpCode(201)
  @ApiOperation({ summary: 'Impose a measure: on a pupil (P1–P3, P5, P6; removal by the board) or a staff member (S9, S11; the board)' })
  @ApiCreatedResponse({ description: '{ id (of the measure), incidentId, revision, position, obligations: [{ obligationId, kind, dueAt }] }' })
  async impose(
    @Param('id', UuidPipe) id: string,
    @Body() body: MeasureDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('takeMeasure'));
    const meta = commandMeta(headers);
    const measureId = randomUUID();
    const common = { measureId, subjectId: body.subjectId, reason: body.reason, startsOn: body.startsOn, endsOn: body.endsOn };
    const loaded = await this.cases.loadOrThrow(id);
    const result =
      loaded.kind === 'pupil-incident'
        ? await this.cases.pupil(
            id,
            {
              type: 'ImposeMeasure',
              context,
              data: {
                ...common,
                measure: body.measure as PupilMeasure, // the decider refuses what is not a pupil measure (P1)
                obligationIds: { informParents: randomUUID(), inspectorateReport: randomUUID(), removalPlacement: randomUUID(), reconsiderationWindow: randomUUID() },
              },
            },
            meta,
            loaded.events,
          )
        : await this.cases.staff(
            id,
            // the decider refuses what is not a disciplinary measure (S9)
            { type: 'ImposeDisciplinaryMeasure', context, data: { ...common, measure: body.measure as DisciplinaryMeasure, communicatedAt: instant(body.communicatedAt) } },
            meta,
            loaded.events,
          );
    return respond(reply, result, measureId, 201, (events) => ({ incidentId: id, ...openedObligations(events) }));
  }

  @Access('notifyParents')
  @Post('parent-notifications')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the parents were informed (P2, E2, E3, M2): closes the "inform parents" obligation',
    description:
      '`regarding` is a measure of this case, or a device custody or e-mail account action of a pupil. The revision and ' +
      'ETag are those of the stream that holds it: the case for a measure, the pupil\'s conduct stream otherwise.',
  })
  @ApiOkResponse({ description: '{ id (= regarding), incidentId, revision, position }' })
  async parentsInformed(
    @Param('id', UuidPipe) id: string,
    @Body() body: ParentNotificationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('notifyParents'));
    const meta = commandMeta(headers);
    const data = { regarding: body.regarding.toLowerCase(), channel: body.channel, informedAt: instant(body.informedAt) };
    const conductStream = await this.locator.find(data.regarding);
    const result = conductStream
      ? await this.cases.kindOf(id).then(() => pupilConductHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(conductStream, { type: 'RecordParentsInformed', context, data }, meta))
      : await this.cases.runPupilOnly(id, { type: 'RecordParentsInformedOfMeasure', context, data }, 'parent notifications about measures', meta);
    return respond(reply, result, data.regarding, 200, () => ({ incidentId: id }));
  }

  @Access('recordHearing')
  @Post('hearings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a hearing before a removal (P6): the teacher and the parents are heard' })
  @ApiCreatedResponse({ description: '{ id (of the hearing), incidentId, revision, position }' })
  async hearing(
    @Param('id', UuidPipe) id: string,
    @Body() body: HearingDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('recordHearing'));
    const hearingId = randomUUID();
    const data = { hearingId, heardPersonId: body.heardPersonId, heardPersonKind: body.heardPersonKind, heardAt: instant(body.heardAt), summary: body.summary };
    const result = await this.cases.runPupilOnly(id, { type: 'RecordHearing', context, data }, 'hearings', commandMeta(headers));
    return respond(reply, result, hearingId, 201, () => ({ incidentId: id }));
  }
}
