import { Body, Controller, Get, Headers, HttpCode, HttpException, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { legalHoldHandler, legalHoldStream, personRecordHandler, personRecordStream } from '@casebook/incidents';
import { ReadModelCatalog, erasePerson, erasureDeps, findRetentionCandidates } from '@casebook/projections';
import { retentionReport } from '@casebook/privacy';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { actorFor, commandMeta, contextFor, respond } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { UuidPipe } from '../http/uuid.pipe';
import { IncidentCases } from '../incidents/incident-cases';
import { DepartureDto, ErasureDto, LegalHoldDto } from './privacy.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * Privacy (issue #7, AVG): forget a person, record when retention starts, hold a case. Erasure deletes the
 * person's data key: their texts read `[verwijderd]` everywhere from then on, the audit chain still verifies.
 */
@CommandEndpoints('privacy')
@Controller()
export class PrivacyController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog,
    private readonly cases: IncidentCases,
  ) {}

  @Access('erasePerson')
  @Post('people/:personId/erasure')
  @HttpCode(200)
  @ApiOperation({ summary: "Forget a person: their data key is deleted, their texts show [verwijderd] everywhere; 409 HOLD while a case of theirs is under a legal hold (board, legal)" })
  async erase(@Param('personId', PersonIdPipe) personId: string, @Body() body: ErasureDto, @CurrentPrincipal() principal: Principal): Promise<Record<string, unknown>> {
    const actor = actorFor(principal, rolesFor('erasePerson'));
    const outcome = await erasePerson(erasureDeps(this.runtime, this.catalog), { personId, basis: 'request', reason: body.reason, actor });
    if (outcome.outcome === 'held') {
      throw new HttpException({ detail: `HOLD: cases of ${personId} are under a legal hold: ${outcome.cases.join(', ')}`, rule: 'HOLD', cases: outcome.cases }, 409);
    }
    if (outcome.outcome === 'refused') throw new HttpException({ detail: `${outcome.violation.rule}: ${outcome.violation.message}`, rule: outcome.violation.rule }, outcome.violation.violation === 'forbidden' ? 403 : 409);
    this.runtime.logger.info({ personId, basis: 'request', actorId: actor.id }, 'personal data erased');
    return { personId, erased: true, keyDeleted: outcome.keyDeleted, position: outcome.position };
  }

  @Access('recordPupilDeparture', 'recordStaffDeparture')
  @Post('people/:personId/departure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the day a pupil left school (board, director) or an employment ended (board, HR): retention counts from it' })
  async departure(
    @Param('personId', PersonIdPipe) personId: string,
    @Body() body: DepartureDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, body.personKind === 'pupil' ? ['board', 'director'] : ['board', 'hr']);
    const result = await personRecordHandler(this.runtime.eventStore).handle(
      personRecordStream(personId),
      { type: 'RecordDeparture', context, data: { personId, personKind: body.personKind, leftOn: body.leftOn } },
      commandMeta(headers),
    );
    return respond(reply, result, personId, 200);
  }

  @Access('placeLegalHold')
  @Post('incidents/:id/legal-hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Place a legal hold on a case: nobody in it is erased until it is lifted (board, legal; HOLD)' })
  placeHold(@Param('id', UuidPipe) id: string, @Body() body: LegalHoldDto, @CurrentPrincipal() principal: Principal, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.hold(id, 'PlaceLegalHold', body, principal, headers, reply);
  }

  @Access('liftLegalHold')
  @Post('incidents/:id/legal-hold/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the legal hold of a case (board, legal; HOLD)' })
  liftHold(@Param('id', UuidPipe) id: string, @Body() body: LegalHoldDto, @CurrentPrincipal() principal: Principal, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.hold(id, 'LiftLegalHold', body, principal, headers, reply);
  }

  private async hold(id: string, type: 'PlaceLegalHold' | 'LiftLegalHold', body: LegalHoldDto, principal: Principal, headers: RequestHeaders, reply: FastifyReply) {
    const context = contextFor(principal, rolesFor(type === 'PlaceLegalHold' ? 'placeLegalHold' : 'liftLegalHold'));
    await this.cases.loadOrThrow(id);
    const result = await legalHoldHandler(this.runtime.eventStore).handle(legalHoldStream(id), { type, context, data: { incidentId: id, reason: body.reason } }, commandMeta(headers));
    return respond(reply, result, id, 200);
  }
}

/** `GET /privacy/retention`: who is due for erasure and why, and who is held (board, legal) — a dry run. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy')
@UseGuards(BearerAuthGuard)
export class RetentionController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog,
  ) {}

  @Access('readRetention')
  @Get('retention')
  @ApiOperation({ summary: 'Who is due for erasure (retention ended) and why, and who is held by a legal hold: a dry run of the daily job (board, legal)' })
  @ApiOkResponse({ description: '{ today, due: [{ personId, endsOn, reason, heldCases }], held: [...] }' })
  async retention(@CurrentPrincipal() principal: Principal) {
    actorFor(principal, rolesFor('readRetention'));
    const today = new Date().toISOString().slice(0, 10);
    const register = await erasureDeps(this.runtime, this.catalog).register();
    return { today, ...retentionReport(await findRetentionCandidates(register), today, this.runtime.config.privacy.retention) };
  }
}
