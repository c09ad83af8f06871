import { Body, Controller, Param } from '@nestjs/common';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { EmailSuspensionDto, EmailWarningDto } from './email-account.dto';

/** The pupil's school e-mail account (E1–E3): director of the school, or the board. */
@CommandEndpoints('pupils')
@Controller()
export class EmailAccountController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('suspendEmailAccount', {
    status: 201,
    summary: 'Suspend the school e-mail account for a term (E1); opens "inform parents" (E2)',
    answer: '{ id, revision, position }',
  })
  async suspend(@Param('pupilId', PersonIdPipe) pupilId: string, @Body() body: EmailSuspensionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const suspension = { schoolId: body.schoolId, ground: body.ground, until: body.until, reason: body.reason };
    return this.writeSide.pupilConduct.suspendEmailAccount(pupilId, suspension, issue(body.schoolId));
  }

  @Route('warnAboutEmail', { status: 201, summary: 'Warn about less serious misuse (E3); opens "inform parents"', answer: '{ id, revision, position }' })
  async warn(@Param('pupilId', PersonIdPipe) pupilId: string, @Body() body: EmailWarningDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.pupilConduct.warnAboutEmailUse(pupilId, { schoolId: body.schoolId, reason: body.reason }, issue(body.schoolId));
  }
}
