import { Body, Controller, Param } from '@nestjs/common';
import { ApiConflictResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { DeviceCustodyDto } from './device-custody.dto';

@CommandEndpoints('pupils')
@Controller()
export class DeviceCustodyController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('takeDeviceIntoCustody', {
    status: 201,
    summary: 'Take a device into custody (M1–M5): a teacher or the director of the school (TC1), or the board',
    answer: '{ id, revision, position, offenceNumber, custodyUntil, informParentsObligationId? }',
  })
  @ApiConflictResponse({ description: 'A rule refuses it, e.g. M3 without custodyUntil from the third offence' })
  async takeIntoCustody(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Body() body: DeviceCustodyDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const custody = {
      schoolId: body.schoolId,
      incidentId: body.incidentId,
      device: body.device,
      conditionChecked: body.conditionChecked,
      pupilPresent: body.pupilPresent,
      switchedOff: body.switchedOff,
      takenAt: instant(body.takenAt),
      custodyUntil: instant(body.custodyUntil),
    };
    return this.writeSide.pupilConduct.takeDeviceIntoCustody(pupilId, custody, issue(body.schoolId));
  }
}
