import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeOnServerStore } from './support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');

// #31, item 2, rule DIR1: where the directory knows a pupil, the pupil's school is the directory's, whatever the body
// names. pupil-3 is at school-2 (test/fixtures/directory); school-1's director and teacher name school-1 in the body.
describeOnServerStore('acts on another school’s pupil (DIR1)', (api) => {
  let board: string;
  let director1: string;
  let teacher1: string;
  let director2: string;
  const custody = (schoolId: string) => ({
    schoolId,
    device: 'phone',
    conditionChecked: { damage: 'none', working: true },
    pupilPresent: true,
    switchedOff: true,
  });

  beforeAll(async () => {
    board = await api.token('board-1', ['board'], []);
    for (const kind of ['schools', 'staff', 'pupils']) {
      expect((await api.post(`/directory/imports/${kind}`, fixture(kind), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
    }
    director1 = await api.token('staff-dir-1', ['director'], ['school-1']);
    teacher1 = await api.token('staff-t-1', ['teacher'], ['school-1']);
    director2 = await api.token('staff-dir-2', ['director'], ['school-2']);
  });

  it('refuses 403 naming DIR1 a phone, an e-mail account measure, a consent or a preview for a pupil of another school, and writes nothing', async () => {
    const before = await api.eventCount();
    const attempts: [string, Promise<{ statusCode: number; json: () => { rule?: string } }>][] = [
      ['custody by the director', api.post('/pupils/pupil-3/device-custody', custody('school-1'), director1)],
      ['custody by a teacher', api.post('/pupils/pupil-3/device-custody', custody('school-1'), teacher1)],
      [
        'e-mail suspension',
        api.post(
          '/pupils/pupil-3/email-account/suspensions',
          { schoolId: 'school-1', ground: 'bullying', until: '2027-06-30', reason: 'Berichten' },
          director1,
        ),
      ],
      ['e-mail warning', api.post('/pupils/pupil-3/email-account/warnings', { schoolId: 'school-1', reason: 'Kettingmail' }, director1)],
      ['consent', api.post('/pupils/pupil-3/consents', { schoolId: 'school-1', purpose: 'mailbox', decision: 'given', givenBy: 'parents' }, director1)],
      ['custody preview', api.get('/pupils/pupil-3/device-custody/preview?schoolId=school-1', director1)],
    ];
    for (const [what, answer] of attempts) {
      const response = await answer;
      expect([what, response.statusCode, response.json().rule]).toEqual([what, 403, 'DIR1']);
    }
    expect(await api.eventCount()).toBe(before);
  });

  it("leaves the pupil's own school to act, and its consent record as it was (DIR1)", async () => {
    const given = await api.post('/pupils/pupil-3/consents', { schoolId: 'school-2', purpose: 'mailbox', decision: 'given', givenBy: 'parents' }, director2);
    expect(given.statusCode).toBe(200);
    expect(
      (await api.post('/pupils/pupil-3/consents', { schoolId: 'school-1', purpose: 'mailbox', decision: 'refused', givenBy: 'parents' }, director1)).statusCode,
    ).toBe(403);
    expect((await api.post('/pupils/pupil-3/email-account/warnings', { schoolId: 'school-2', reason: 'Kettingmail' }, director2)).statusCode).toBe(201);
    expect((await api.post('/pupils/pupil-3/device-custody', custody('school-2'), director2)).json()).toMatchObject({ offenceNumber: 1 });
    // A pupil the directory does not know keeps the school the body names (a board without a directory import).
    expect((await api.post('/pupils/pupil-unknown/device-custody', custody('school-1'), director1)).statusCode).toBe(201);
  });
});
