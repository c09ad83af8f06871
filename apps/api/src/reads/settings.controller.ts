import { Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WriteSide, settingsView } from '@casebook/incidents';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { Route } from '../auth/route.decorator';

/** `GET /settings` (api.md revision 2, CAL1): the rules' settings in force, for anyone signed in. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class SettingsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('readSettings', {
    summary:
      "The rules' settings in force (CAL1): school year start, end of the school day per school, periods, holidays (public ones computed for this year and the next)",
    answer: '{ schoolYearStart, timeZone, goodFriday, schoolDayEndsAt, schools, holidays, periods, publicHolidays }',
  })
  read(): Record<string, unknown> {
    const year = new Date().getUTCFullYear();
    return settingsView(this.writeSide.settings, [year, year + 1]);
  }
}
