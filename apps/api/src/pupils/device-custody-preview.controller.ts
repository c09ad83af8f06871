import { Controller, ForbiddenException, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WriteSide } from '@casebook/incidents';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { Route } from '../auth/route.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { DeviceCustodyPreviewQueryDto } from './device-custody.dto';

/**
 * Before a device is taken (console, issue #19): the offence number of this school year and until when (M1–M3), or
 * the rule that would refuse it, so the teacher or director sees them before confirming. The decider's dry run on
 * the pupil's stream: nothing is recorded, and the command itself decides again when it is sent.
 */
@ApiTags('pupils')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class DeviceCustodyPreviewController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('previewDeviceCustody', {
    summary:
      'What taking a device would decide now (M1–M3, M5): offence number, custodyUntil, and whether the parents are to be informed (M2); or `refused` with the rule. Records nothing',
    answer: '{ offenceNumber, custodyUntil, informsParents } or { refused: { rule, detail } }',
  })
  async preview(@Param('pupilId', PersonIdPipe) pupilId: string, @Query() query: DeviceCustodyPreviewQueryDto, @IssuedBy() issue: IssueCommand) {
    const custody = {
      schoolId: query.schoolId,
      device: 'phone',
      // M4 is the form's to state when the device is actually taken; the preview asks only what M1–M5 decide.
      conditionChecked: { damage: 'none', working: true },
      pupilPresent: true,
      switchedOff: true,
      takenAt: instant(query.takenAt),
      custodyUntil: instant(query.custodyUntil),
    };
    const preview = await this.writeSide.pupilConduct.previewDeviceCustody(pupilId, custody, issue(query.schoolId));
    // DIR1: another school's pupil is not this caller's to ask about: 403, as the custody itself would answer.
    if ('refused' in preview && preview.refused.violation === 'forbidden')
      throw new ForbiddenException({ detail: `${preview.refused.rule}: ${preview.refused.message}`, rule: preview.refused.rule });
    if ('refused' in preview) return { refused: { rule: preview.refused.rule, detail: preview.refused.message } };
    return { offenceNumber: preview.offenceNumber, custodyUntil: preview.custodyUntil, informsParents: preview.informParentsObligationId !== undefined };
  }
}
