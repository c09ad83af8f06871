import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { describeOnServerStore } from './support/api-harness';

// CAL1 (domain.md revision 2; api.md "GET /settings"): the rules' settings come from one validated file
// (CASEBOOK_SETTINGS_FILE), are shown to anyone signed in, and decide the rules — here a school's own end of day (M1).
const dir = mkdtempSync(join(tmpdir(), 'casebook-settings-'));
const file = join(dir, 'settings.json');
writeFileSync(file, JSON.stringify({ schools: { 'school-2': { schoolDayEndsAt: '12:15' } }, periods: { informParentsWithinHours: 24 } }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeOnServerStore(
  "the rules' settings (CAL1)",
  (api) => {
    it('shows the settings in force to a teacher, with the public holidays they compute', async () => {
      const teacher = await api.token('staff-t-set', ['teacher'], ['school-2']);
      const settings = await api.get('/settings', teacher);
      expect(settings.statusCode).toBe(200);
      const year = new Date().getUTCFullYear();
      expect(settings.json()).toMatchObject({
        schoolYearStart: { month: 8, day: 1 },
        timeZone: 'Europe/Amsterdam',
        schoolDayEndsAt: '15:00',
        schools: { 'school-2': { schoolDayEndsAt: '12:15' } },
        periods: { informParentsWithinHours: 24, removalSearchWeeks: 8 },
        publicHolidays: { [String(year)]: expect.arrayContaining([`${year}-12-25`]) },
      });
      expect((await api.get('/settings', null)).statusCode).toBe(401);
    });

    it("keeps a first-offence phone until the school's own end of the day (M1, CAL1)", async () => {
      const director = await api.token('staff-dir-set', ['director'], ['school-2']);
      const custody = {
        schoolId: 'school-2',
        device: 'phone',
        conditionChecked: { damage: 'none', working: true },
        pupilPresent: true,
        switchedOff: true,
        takenAt: '2026-11-13T09:00:00.000Z',
      };
      const taken = await api.post('/pupils/pupil-set-1/device-custody', custody, director);
      expect(taken.statusCode).toBe(201);
      expect(taken.json()).toMatchObject({ offenceNumber: 1, custodyUntil: '2026-11-13T11:15:00.000Z' }); // 12:15 in Amsterdam
    });
  },
  { env: { CASEBOOK_SETTINGS_FILE: file } },
);

describe('a settings file that does not hold (CAL1)', () => {
  it('stops the process at start, naming the setting and every problem', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schoolDayEndsAt: '25:00', periods: { lunchMinutes: 30 } }));
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-settings-data-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32), CASEBOOK_SETTINGS_FILE: bad });
      await expect(openRuntime(config, createLogger('silent'), 'api')).rejects.toThrow(/CASEBOOK_SETTINGS_FILE.*schoolDayEndsAt.*lunchMinutes/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
