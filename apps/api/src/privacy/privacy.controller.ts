import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { type CommandOutcome, WriteSide, localIsoDateOf } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { Access } from '../auth/access.decorator';
import { Route } from '../auth/route.decorator';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { type IssueCommand, IssuedBy, actorFor, commandMeta, contextFor, respond } from '../commands/command-http';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { PersonIdPipe } from '../http/person-id.pipe';
import { UuidPipe } from '../http/uuid.pipe';
import { rolesFor } from '../auth/access-policy';
import { DepartureDto, ErasureDto, LegalHoldDto } from './privacy.dto';

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * Privacy (issue #7, AVG): forget a person, record when retention starts, hold a case. Erasure deletes the
 * person's data key: their texts read `[verwijderd]` everywhere from then on, the audit chain still verifies.
 */
@CommandEndpoints('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly writeSide: WriteSide,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Route('erasePerson', {
    summary:
      'Forget a person: their data key is deleted, their texts show [verwijderd] everywhere; 409 HOLD while a case of theirs is under a legal hold (board, legal)',
    answer: '{ id, revision, position }',
  })
  async erase(
    @Param('personId', PersonIdPipe) personId: string,
    @Body() body: ErasureDto,
    @IssuedBy() issue: IssueCommand,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issue();
    const outcome = await this.writeSide.privacy.erase(personId, { basis: 'request', reason: body.reason }, issued);
    // api.md, Commands: `{ id, revision, position }` like every command (the matrix checks it against its schema, #33).
    const answer = respond(reply, outcome, 200) as Record<string, unknown>;
    this.runtime.logger.info({ personId, basis: 'request', actorId: issued.context.actor.id }, 'personal data erased');
    return { ...answer, personId };
  }

  @Access('recordPupilDeparture', 'recordStaffDeparture')
  @Post('people/:personId/departure')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the day a pupil left school (board, the director of its school: DIR3) or an employment ended (board, HR): retention counts from it',
  })
  async departure(
    @Param('personId', PersonIdPipe) personId: string,
    @Body() body: DepartureDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
  ): Promise<CommandOutcome> {
    // Two rows, by the body: a pupil's departure (board, director) or a staff member's (board, HR).
    const context = contextFor(principal, rolesFor(body.personKind === 'pupil' ? 'recordPupilDeparture' : 'recordStaffDeparture'));
    return this.writeSide.privacy.recordDeparture(
      personId,
      { personKind: body.personKind, leftOn: body.leftOn, schoolId: body.schoolId },
      { context, meta: commandMeta(headers) },
    );
  }

  @Route('placeLegalHold', {
    summary: 'Place a legal hold on a case: nobody in it is erased until it is lifted (board, legal; HOLD)',
    answer: '{ id, revision, position }',
  })
  placeHold(@Param('id', UuidPipe) id: string, @Body() body: LegalHoldDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.privacy.placeLegalHold(id, { reason: body.reason }, issue());
  }

  @Route('liftLegalHold', { summary: 'Lift the legal hold of a case (board, legal; HOLD)', answer: '{ id, revision, position }' })
  liftHold(@Param('id', UuidPipe) id: string, @Body() body: LegalHoldDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.privacy.liftLegalHold(id, { reason: body.reason }, issue());
  }
}

/** `GET /privacy/retention`: who is due for erasure and why, and who is held (board, legal) — a dry run. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class RetentionController {
  constructor(
    private readonly writeSide: WriteSide,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Route('readRetention', {
    summary: 'Who is due for erasure (retention ended) and why, and who is held by a legal hold: a dry run of the daily job (board, legal)',
    answer: '{ today, due: [{ personId, endsOn, reason, heldCases }], held: [...] }',
  })
  async retention(@CurrentPrincipal() principal: Principal) {
    actorFor(principal, rolesFor('readRetention'));
    const today = localIsoDateOf(new Date(), this.runtime.writeSide.settings.policy.workingDays.timeZone);
    return { today, ...(await this.writeSide.privacy.retentionReport(today, this.runtime.config.privacy.retention)) };
  }
}
