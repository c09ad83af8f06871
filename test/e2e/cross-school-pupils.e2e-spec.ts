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

  const report = (schoolId: string, pupilId: string, bearer: string) =>
    api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId,
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'Berichten tussen leerlingen van twee scholen',
        involved: [{ personId: pupilId, personKind: 'pupil', role: 'perpetrator' }],
      },
      bearer,
    );

  it("refuses a director's measure on another school's pupil in their own school's case (DIR1, P3); the board may", async () => {
    const reported = await report('school-1', 'pupil-3', director1);
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id as string;
    const before = await api.eventCount();
    const refused = await api.post(`/incidents/${id}/measures`, { subjectId: 'pupil-3', measure: 'warning', reason: 'Berichten' }, director1);
    expect([refused.statusCode, refused.json().rule]).toEqual([403, 'DIR1']);
    expect(await api.eventCount()).toBe(before);
    expect((await api.post(`/incidents/${id}/measures`, { subjectId: 'pupil-3', measure: 'warning', reason: 'Berichten' }, board)).statusCode).toBe(201);
  });

  it('refuses assigning a case to, or recording a consultation of, staff of another school (DIR1)', async () => {
    const reported = await report('school-2', 'pupil-3', director2);
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id as string;
    const before = await api.eventCount();
    const assigned = await api.post(`/incidents/${id}/assignment`, { ownerId: 'staff-t-1' }, director2);
    expect([assigned.statusCode, assigned.json().rule]).toEqual([403, 'DIR1']);
    const consultation = { consultedAt: '2026-11-05T15:00:00+01:00', summary: 'Vraag over een bericht', managerId: 'staff-dir-2' };
    const consulted = await api.post('/staff/staff-t-1/manager-consultations', consultation, director2);
    expect([consulted.statusCode, consulted.json().rule]).toEqual([403, 'DIR1']);
    expect(await api.eventCount()).toBe(before);
    // Board-wide staff may own any school's case; a director records consultations of their own school's staff.
    expect((await api.post(`/incidents/${id}/assignment`, { ownerId: 'board-1' }, director2)).statusCode).toBe(200);
    expect((await api.post('/staff/staff-t-1/manager-consultations', consultation, director1)).statusCode).toBe(201);
  });

  it("gives the pupil file to the director of the pupil's school by the directory, also what another school wrote (DIR1)", async () => {
    // Written while the directory did not know the pupil: school-1's custody. Then the export places them at school-2.
    const taken = await api.post('/pupils/pupil-moved/device-custody', custody('school-1'), director1);
    expect(taken.statusCode).toBe(201);
    const pupils = `${fixture('pupils').trimEnd()}\npupil-moved,Gijs Visser,2016-01-05,school-2,groep 5,2020-08-17,\n`;
    const imported = await api.post('/directory/imports/pupils', pupils, board, { 'content-type': 'text/csv' });
    expect(imported.statusCode).toBe(200);
    const at = Math.max(taken.json().position as number, (imported.json().position as number | null) ?? 0);
    const own = await api.get(`/pupils/pupil-moved/file?waitForPosition=${at}`, director2);
    expect(own.statusCode).toBe(200);
    expect(JSON.stringify(own.json())).toContain(taken.json().id as string);
    // school-1's director still reads the part their school wrote.
    expect((await api.get(`/pupils/pupil-moved/file?waitForPosition=${at}`, director1)).statusCode).toBe(200);
  });
});
