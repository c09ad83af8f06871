import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { EmailSuspensionDto, EmailWarningDto } from './email-account.dto';

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
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const suspension = { schoolId: body.schoolId, ground: body.ground, until: body.until, reason: body.reason };
    return this.writeSide.pupilConduct.suspendEmailAccount(pupilId, suspension, issue(body.schoolId));
  }

  @Access('warnAboutEmail')
  @Post('warnings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Warn about less serious misuse (E3); opens "inform parents"' })
  async warn(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Body() body: EmailWarningDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.pupilConduct.warnAboutEmailUse(pupilId, { schoolId: body.schoolId, reason: body.reason }, issue(body.schoolId));
  }
}
