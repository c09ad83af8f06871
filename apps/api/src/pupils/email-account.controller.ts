import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { issuedBy, respond } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { EmailSuspensionDto, EmailWarningDto } from './email-account.dto';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** The pupil's school e-mail account (E1–E3): director of the school, or the board. */
@CommandEndpoints('pupils')
@Controller('pupils/:pupilId/email-account')
export class EmailAccountController {
  constructor(private readonly writeSide: WriteSide) {}

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
    const issued = issuedBy(principal, 'suspendEmailAccount', headers, body.schoolId);
    const suspension = { schoolId: body.schoolId, ground: body.ground, until: body.until, reason: body.reason };
    return respond(reply, await this.writeSide.pupilConduct.suspendEmailAccount(pupilId, suspension, issued), 201);
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
    const issued = issuedBy(principal, 'warnAboutEmail', headers, body.schoolId);
    return respond(reply, await this.writeSide.pupilConduct.warnAboutEmailUse(pupilId, { schoolId: body.schoolId, reason: body.reason }, issued), 201);
  }
}
