import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { DEFAULT_POLICY, type PupilConductCommand, pupilConductHandler, pupilConductStream } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { actorFor, commandMeta, respond } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { StreamLocator } from '../commands/stream-locator';
import { EmailSuspensionDto, EmailWarningDto } from './email-account.dto';
import { Access } from '../auth/access.decorator';
import { type Operation, rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** What every account action is made of: the pupil and school from the request, ids made here. */
interface AccountAction {
  readonly pupilId: string;
  readonly schoolId: string;
  readonly actionId: string;
  readonly informParentsObligationId: string;
}

type CommandContextOf = { actor: ReturnType<typeof actorFor>; now: string };

/** The pupil's school e-mail account (E1–E3): director of the school, or the board. */
@CommandEndpoints('pupils')
@Controller('pupils/:pupilId/email-account')
export class EmailAccountController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly locator: StreamLocator,
  ) {}

  @Access('suspendEmailAccount')
  @Post('suspensions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Suspend the school e-mail account for a term (E1); opens "inform parents" (E2)' })
  async suspend(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Body() body: EmailSuspensionDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    return this.run('suspendEmailAccount', pupilId, body.schoolId, principal, headers, reply, (context, action) => ({
      type: 'SuspendEmailAccount',
      context,
      data: { ...action, ground: body.ground, until: body.until, reason: body.reason },
    }));
  }

  @Access('warnAboutEmail')
  @Post('warnings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Warn about less serious misuse (E3); opens "inform parents"' })
  async warn(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Body() body: EmailWarningDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    return this.run('warnAboutEmail', pupilId, body.schoolId, principal, headers, reply, (context, action) => ({
      type: 'WarnAboutEmailUse',
      context,
      data: { ...action, reason: body.reason },
    }));
  }

  private async run(
    operation: Operation,
    pupilId: string,
    schoolId: string,
    principal: Principal,
    headers: RequestHeaders,
    reply: FastifyReply,
    command: (context: CommandContextOf, action: AccountAction) => PupilConductCommand,
  ): Promise<Record<string, unknown>> {
    const actor = actorFor(principal, rolesFor(operation), schoolId);
    const action: AccountAction = { pupilId, schoolId, actionId: randomUUID(), informParentsObligationId: randomUUID() };
    // Before the append: a parent notification names only the action id (decisions.md #21).
    await this.locator.remember(action.actionId, pupilConductStream(action.pupilId));
    const result = await pupilConductHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(
      pupilConductStream(action.pupilId),
      command({ actor, now: new Date().toISOString() }, action),
      commandMeta(headers),
    );
    return respond(reply, result, action.actionId, 201, () => ({ informParentsObligationId: action.informParentsObligationId }));
  }
}
