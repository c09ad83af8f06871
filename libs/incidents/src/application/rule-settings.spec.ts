import { DEFAULT_POLICY } from '../domain/shared/command-context';
import { RuleSettingsError, parseRuleSettings, settingsView } from './rule-settings';
import { schoolDayEnds } from './school-calendar';

const problemsOf = (text: string): readonly string[] => {
  try {
    parseRuleSettings(text);
    return [];
  } catch (error) {
    return error instanceof RuleSettingsError ? error.problems : [String(error)];
  }
};

describe("the rules' settings (CAL1)", () => {
  it('takes the defaults of domain.md for everything a file leaves out', () => {
    const settings = parseRuleSettings('{}');
    expect(settings.policy).toEqual({ ...DEFAULT_POLICY, schoolHolidays: { holidays: [], schools: {} } });
    expect(settings.calendar).toMatchObject({ timeZone: 'Europe/Amsterdam', goodFriday: false, schoolDayEndsAt: '15:00', holidays: [], schools: {} });
  });

  it("reads the school year start, periods, Good Friday, and each school's end of day and holidays (CAL1, M1, M5)", () => {
    const settings = parseRuleSettings(
      JSON.stringify({
        schoolYearStart: { month: 9, day: 1 },
        goodFriday: true,
        periods: { informParentsWithinHours: 24, removalSearchWeeks: 10 },
        holidays: [{ from: '2026-12-19', to: '2027-01-03' }],
        schools: { 'school-2': { schoolDayEndsAt: '12:15', holidays: [{ from: '2026-11-16', to: '2026-11-16' }] } },
      }),
    );
    expect(settings.policy).toMatchObject({
      schoolYearStart: { month: 9, day: 1 },
      informParentsWithinHours: 24,
      removalSearchWeeks: 10,
      workingDays: { goodFriday: true },
    });
    // M1: school-2 ends at 12:15 and has a study day on Monday 16 November; the board's Christmas holiday counts for all.
    expect(schoolDayEnds('2026-11-13T09:00:00.000Z', settings.calendar, 'school-2')).toEqual({
      current: '2026-11-13T11:15:00.000Z',
      next: '2026-11-17T11:15:00.000Z',
    });
    expect(schoolDayEnds('2026-11-13T09:00:00.000Z', settings.calendar, 'school-1')).toEqual({
      current: '2026-11-13T14:00:00.000Z',
      next: '2026-11-16T14:00:00.000Z',
    });
    expect(schoolDayEnds('2026-12-18T09:00:00.000Z', settings.calendar, 'school-1').next).toBe('2027-01-04T14:00:00.000Z');
    // P5 counts the same school holidays: they reach the rules' policy too.
    expect(settings.policy.schoolHolidays).toEqual({
      holidays: [{ from: '2026-12-19', to: '2027-01-03' }],
      schools: { 'school-2': { schoolDayEndsAt: '12:15', holidays: [{ from: '2026-11-16', to: '2026-11-16' }] } },
    });
    const view = settingsView(settings, [2027]);
    expect(view['periods']).not.toHaveProperty('schoolHolidays');
    expect(view['publicHolidays']).toMatchObject({ 2027: expect.arrayContaining(['2027-03-26', '2027-04-27', '2027-12-25']) }); // Good Friday 2027 included
  });

  it('refuses a bad file naming every problem, so the process does not start on it (CAL1)', () => {
    expect(problemsOf('not json')[0]).toMatch(/not JSON/);
    expect(problemsOf('[]')).toEqual(['the file holds one JSON object']);
    const problems = problemsOf(
      JSON.stringify({
        schoolYearStart: { month: 2, day: 30 },
        timeZone: 'Mars/Olympus',
        schoolDayEndsAt: '25:00',
        holidays: [{ from: '2026-12-24', to: '2026-12-20' }],
        schools: { 'school-1': { closesAt: '15:00' } },
        periods: { informParentsWithinHours: -1, lunchMinutes: 30 },
        colour: 'red',
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^colour: unknown setting/),
        expect.stringMatching(/^schoolYearStart/),
        expect.stringMatching(/^timeZone/),
        expect.stringMatching(/^schoolDayEndsAt/),
        expect.stringMatching(/^holidays\[0\]/),
        expect.stringMatching(/^schools\.school-1\.closesAt/),
        expect.stringMatching(/^periods\.lunchMinutes/),
        expect.stringMatching(/^periods\.informParentsWithinHours/),
      ]),
    );
  });
});
