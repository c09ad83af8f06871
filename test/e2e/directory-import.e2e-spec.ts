import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadModelCatalog } from '@casebook/projections';
import { waitUntil } from '@casebook/testing';
import { describeOnServerStore } from './support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');

// Issue #18, DIR1–DIR2: the administration's export imported file by file as events; a re-run records only what
// changed; a file with a bad row changes nothing and answers every bad row with its line, field and message.
describeOnServerStore('the directory import (DIR1, DIR2)', (api) => {
  let board: string;
  const csv = { 'content-type': 'text/csv' };
  /** The highest position an import of this suite wrote: what a later read waits for (not the store's visible head). */
  let written = 0;
  const importFile = async (kind: string, body: string, token = board) => {
    const response = await api.post(`/directory/imports/${kind}`, body, token, csv);
    if (response.statusCode === 200) written = Math.max(written, (response.json().position as number | null) ?? 0);
    return response;
  };

  beforeAll(async () => {
    board = await api.token('board-1', ['board'], []);
  });

  it('imports schools, staff, pupils and parents, and a second run of the same files records nothing (DIR2)', async () => {
    for (const [kind, created] of [
      ['schools', 2],
      ['staff', 3],
      ['pupils', 3],
      ['parents', 2],
    ] as const) {
      const first = await importFile(kind, fixture(kind));
      expect([kind, first.statusCode, first.json()]).toEqual([
        kind,
        200,
        { kind, created, changed: 0, left: 0, unchanged: 0, erased: 0, position: expect.any(Number) },
      ]);
    }
    const before = await api.eventCount();
    for (const [kind, rows] of [
      ['schools', 2],
      ['staff', 3],
      ['pupils', 3],
      ['parents', 2],
    ] as const) {
      expect((await importFile(kind, fixture(kind))).json()).toEqual({ kind, created: 0, changed: 0, left: 0, unchanged: rows, erased: 0, position: null });
    }
    expect(await api.eventCount()).toBe(before);
  });

  it('keeps names, e-mail, phone and date of birth sealed in the store (DIR1)', async () => {
    const [registered] = await api.runtime().eventStore.readStream('directory-person-pupil-1');
    expect(registered).toMatchObject({ type: 'PersonRegistered', data: { personId: 'pupil-1', kind: 'pupil', schoolId: 'school-1', group: 'groep 6' } });
    const stored = JSON.stringify(registered!.data);
    expect(stored).not.toContain('Daan');
    expect(stored).not.toContain('2015-03-14');
    expect(await api.runtime().reveal.reveal(registered!.data)).toMatchObject({ name: 'Daan Visser', dateOfBirth: '2015-03-14' });
  });

  it('records what changed, and a leaving date, when the export says so (DIR2, DIR3)', async () => {
    const changed = fixture('pupils')
      .replace('pupil-1,Daan Visser,2015-03-14,school-1,groep 6,2019-08-20,', 'pupil-1,Daan Visser,2015-03-14,school-1,groep 7,2019-08-20,')
      .replace('groep 8,2014-08-20,', 'groep 8,2014-08-20,2026-07-10');
    expect((await importFile('pupils', changed)).json()).toEqual({
      kind: 'pupils',
      created: 0,
      changed: 1,
      left: 1,
      unchanged: 1,
      erased: 0,
      position: expect.any(Number),
    });
    const events = await api.runtime().eventStore.readStream('directory-person-pupil-1');
    expect(events.map((e) => e.type)).toEqual(['PersonRegistered', 'PersonChanged']);
    expect(events[1]!.data).toMatchObject({ group: 'groep 7', changed: ['group'] });
    expect((await api.runtime().eventStore.readStream('directory-person-pupil-2')).at(-1)).toMatchObject({
      type: 'PersonLeft',
      data: { personId: 'pupil-2', kind: 'pupil', leftOn: '2026-07-10' },
    });
    expect((await importFile('pupils', changed)).json()).toMatchObject({ changed: 0, left: 0, unchanged: 3 });

    // DIR3: the leaving date starts the retention clock, as a departure recorded by hand does.
    const left = (await api.runtime().eventStore.readStream('directory-person-pupil-2')).at(-1)!;
    const catalog = api.app().get(ReadModelCatalog);
    await waitUntil(
      async () => (await catalog.position('privacy-register', await catalog.liveVersion('privacy-register'))) >= left.globalPosition,
      'the privacy register to hold the leaving date',
    );
    const policy = api.runtime().config.privacy.retention;
    expect((await api.runtime().writeSide.privacy.retentionReport('2028-07-09', policy)).due.map((v) => v.personId)).not.toContain('pupil-2');
    expect((await api.runtime().writeSide.privacy.retentionReport('2028-07-10', policy)).due).toContainEqual(
      expect.objectContaining({ personId: 'pupil-2', reason: expect.stringContaining('left school on 2026-07-10') }),
    );
  });

  it('answers every bad row with its line, field and message, and changes nothing (DIR2)', async () => {
    const before = await api.eventCount();
    const bad = [
      'personId,name,dateOfBirth,schoolId,group,enrolledOn,leftOn',
      'pupil-9,Iris Mulder,2015-02-30,school-1,groep 6,2019-08-20,', // no 30 February
      'pupil-10,,2015-02-01,school-1,groep 6,2019-08-20,', // no name
      'pupil-11,Jan Kok,2015-02-01,school-77,groep 6,2019-08-20,', // unknown school
      'staff-t-1,Bram Jansen,2015-02-01,school-1,groep 6,2019-08-20,', // a staff member, not a pupil
      'pupil-12,Kim Bos,2015-02-01,school-1,groep 6,2019-08-20,2019-08-01', // leaves before enrolling
      'pupil-13,Lotte Dekker,2015-02-01,school-1,groep 6,2019-08-20,', // a good row: not imported either
      'pupil-13,Lotte Dekker,2015-02-01,school-1,groep 6,2019-08-20,', // twice
    ].join('\n');
    const response = await importFile('pupils', bad);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { line: 2, field: 'dateOfBirth', message: 'must be a calendar day, YYYY-MM-DD' },
      { line: 3, field: 'name', message: 'is required' },
      { line: 4, field: 'schoolId', message: 'school school-77 is not in the directory: import the schools file first' },
      { line: 5, field: 'personId', message: 'staff-t-1 is a staff in the directory, not a pupil' },
      { line: 6, field: 'leftOn', message: 'lies before enrolledOn' },
      { line: 8, field: 'personId', message: 'pupil-13 is in the file twice (line 7 too)' },
    ]);
    expect(await api.eventCount()).toBe(before);
    expect((await api.runtime().eventStore.readStream('directory-person-pupil-13')).length).toBe(0);

    const header = await importFile('parents', 'personId,name,mail\nparent-9,X,x@example.nl\n');
    expect(header.json().errors).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'authorityOver', message: 'column is missing from the header' },
        expect.objectContaining({ line: 1, field: 'mail' }),
      ]),
    );
    const unknownPupil = await importFile('parents', 'personId,name,email,phone,authorityOver\nparent-9,Mo Ali,,,pupil-404\n');
    expect(unknownPupil.json().errors).toEqual([
      { line: 2, field: 'authorityOver', message: 'pupil pupil-404 is not in the directory: import the pupils file first' },
    ]);
    const roles = await importFile(
      'staff',
      'personId,name,email,roles,startedOn\nstaff-9,Noor,n@example.nl,director,2020-01-01\nstaff-10,Olaf,o@example.nl,board@school-1,2020-01-01\n',
    );
    expect(roles.json().errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'roles'],
      [3, 'roles'],
    ]);
    expect((await importFile('pupils', 'personId,name\n"unclosed,x\n')).statusCode).toBe(400);
    expect(await api.eventCount()).toBe(before);
  });

  it('lists schools to anyone signed in, and people for pickers with names opened, by school, kind and name start (DIR1)', async () => {
    const position = String(written);
    const teacher = await api.token('staff-t-1', ['teacher']);
    const schools = await api.get(`/schools?waitForPosition=${position}`, teacher);
    expect(schools.json().items.map((s: { schoolId: string; name: string }) => [s.schoolId, s.name])).toEqual([
      ['school-1', 'De Regenboog'],
      ['school-2', 'Het Kompas'],
    ]);
    expect((await api.get('/schools/school-2', teacher)).json()).toEqual({
      schoolId: 'school-2',
      brin: '34CD',
      name: 'Het Kompas',
      holidayRegion: 'noord',
      schoolDayEndsAt: '14:30',
    });
    expect((await api.get('/schools/school-9', teacher)).statusCode).toBe(404);

    const director = await api.token('staff-dir-1', ['director']);
    const pupils = await api.get(`/directory/people?kind=pupil&waitForPosition=${position}`, director);
    expect(pupils.json().items.map((p: { personId: string; name: string }) => [p.personId, p.name])).toEqual([
      ['pupil-1', 'Daan Visser'],
      ['pupil-2', 'Emma Smit'],
    ]);
    expect((await api.get('/directory/people?q=viss', director)).json().items.map((p: { personId: string }) => p.personId)).toEqual(['pupil-1']);
    expect((await api.get('/directory/people?q=daan%20v', director)).json().items.map((p: { personId: string }) => p.personId)).toEqual(['pupil-1']);
    expect((await api.get('/directory/people?schoolId=school-2', director)).statusCode).toBe(403);
    expect((await api.get('/directory/people', teacher)).statusCode).toBe(403);
    const hr = await api.token('hr-1', ['hr'], []);
    expect((await api.get('/directory/people', hr)).json().items.map((p: { kind: string }) => p.kind)).toEqual(['staff', 'staff', 'staff']);
    expect((await api.get('/directory/people?kind=pupil', hr)).statusCode).toBe(403);
    const parents = (await api.get('/directory/people?kind=parent', board)).json().items as {
      personId: string;
      authorityOver: string[];
      phone: string | null;
    }[];
    expect(parents).toEqual([
      expect.objectContaining({ personId: 'parent-1', authorityOver: ['pupil-1'], phone: '06-12345678' }),
      expect.objectContaining({ personId: 'parent-2' }),
    ]);
    // Every list of people is in the access log, with whom it showed. The log is a read model that the worker builds
    // after the read: wait until it shows the entry (the state), then look at it.
    const legal = await api.token('legal-1', ['legal'], []);
    const directoryReads = async () =>
      ((await api.get('/access-log?actorId=staff-dir-1&limit=200', legal)).json().items as { resource: string; subjectIds: string[] }[])
        .filter((entry) => entry.resource === 'directory')
        .map((entry) => entry.subjectIds);
    await waitUntil(async () => (await directoryReads()).some((ids) => ids.join() === 'pupil-1,pupil-2'), 'the access log to show the list of pupils');
    expect(await directoryReads()).toContainEqual(['pupil-1', 'pupil-2']);
  });

  it("lets a departure be recorded by hand only by the director of the pupil's school by the directory, or the board (DIR3)", async () => {
    const otherDirector = await api.token('staff-dir-2', ['director'], ['school-2']);
    const director = await api.token('staff-dir-1', ['director']);
    const before = await api.eventCount();
    // pupil-1 is at school-1 by the directory.
    expect((await api.post('/people/pupil-1/departure', { personKind: 'pupil', leftOn: '2026-07-10' }, otherDirector)).json()).toMatchObject({
      status: 403,
      rule: 'DIR3',
    });
    // Naming their own school does not make the pupil theirs (DIR1, #31): 403, as acting across schools.
    expect(
      (await api.post('/people/pupil-1/departure', { personKind: 'pupil', leftOn: '2026-07-10', schoolId: 'school-2' }, otherDirector)).json(),
    ).toMatchObject({ status: 403, rule: 'DIR3' });
    // The board naming the wrong school states a wrong fact: 409.
    expect(
      (
        await api.post(
          '/people/pupil-1/departure',
          { personKind: 'pupil', leftOn: '2026-07-10', schoolId: 'school-2' },
          await api.token('board-1', ['board'], []),
        )
      ).json(),
    ).toMatchObject({ status: 409, rule: 'DIR3' });
    // Not in the directory: the body names the school, or the departure is refused.
    expect((await api.post('/people/pupil-unknown/departure', { personKind: 'pupil', leftOn: '2026-07-10' }, director)).json()).toMatchObject({
      status: 409,
      rule: 'DIR3',
    });
    expect(await api.eventCount()).toBe(before);
    expect((await api.post('/people/pupil-1/departure', { personKind: 'pupil', leftOn: '2026-07-10' }, director)).statusCode).toBe(200);
    expect((await api.post('/people/pupil-unknown/departure', { personKind: 'pupil', leftOn: '2026-07-10', schoolId: 'school-1' }, director)).statusCode).toBe(
      200,
    );
  });

  it("feeds the rules: a school's end of the day for the phone (M1), and whose parent a parent is for a hearing (P6)", async () => {
    // school-2 ends its day at 14:30 by the directory (the settings' default is 15:00): a phone taken at 13:00 comes back then.
    const director2 = await api.token('staff-dir-2', ['director'], ['school-2']);
    const custody = await api.post(
      '/pupils/pupil-3/device-custody',
      {
        schoolId: 'school-2',
        device: 'phone',
        conditionChecked: { damage: 'none', working: true },
        pupilPresent: true,
        switchedOff: true,
        takenAt: '2026-11-30T13:00:00+01:00',
      },
      director2,
    );
    expect(custody.statusCode).toBe(201);
    expect(custody.json().custodyUntil).toBe('2026-11-30T13:30:00.000Z');

    const director = await api.token('staff-dir-1', ['director']);
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Berichten',
        involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    const hearing = (parentId: string) => ({
      heardPersonId: parentId,
      heardPersonKind: 'parent',
      heardAs: 'parent',
      ofPupilId: 'pupil-1',
      heardAt: new Date().toISOString(),
      summary: 'Gehoord',
    });
    const before = await api.eventCount();
    // parent-2 has parental authority over pupil-2, not over pupil-1.
    expect((await api.post(`/incidents/${reported.json().id}/hearings`, hearing('parent-2'), director)).json()).toMatchObject({ status: 409, rule: 'P6' });
    expect(await api.eventCount()).toBe(before);
    expect((await api.post(`/incidents/${reported.json().id}/hearings`, hearing('parent-1'), director)).statusCode).toBe(201);
  });

  it("hears as the pupil's class teacher only a teacher of the pupil's school by the directory (P6, #32)", async () => {
    // A teacher of school-2 joins the directory; pupil-1 is at school-1, where staff-t-1 teaches.
    const staff = `${fixture('staff').trimEnd()}\nstaff-t-p6;Hanna Kok;h.kok@example.nl;teacher@school-2;2020-08-01;\n`;
    expect((await importFile('staff', staff)).statusCode).toBe(200);
    const director = await api.token('staff-dir-1', ['director']);
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Berichten',
        involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    const id = reported.json().id as string;
    const asClassTeacher = (teacherId: string) => ({
      heardPersonId: teacherId,
      heardPersonKind: 'staff',
      heardAs: 'class-teacher',
      ofPupilId: 'pupil-1',
      heardAt: new Date().toISOString(),
      summary: 'Gehoord',
    });
    const before = await api.eventCount();
    expect((await api.post(`/incidents/${id}/hearings`, asClassTeacher('staff-t-p6'), director)).json()).toMatchObject({ status: 409, rule: 'P6' });
    // Not in the directory at all, for a pupil it knows: not their class teacher either.
    expect((await api.post(`/incidents/${id}/hearings`, asClassTeacher('staff-nobody'), director)).json()).toMatchObject({ status: 409, rule: 'P6' });
    expect(await api.eventCount()).toBe(before);
    expect((await api.post(`/incidents/${id}/hearings`, asClassTeacher('staff-t-1'), director)).statusCode).toBe(201);
  });

  it("is the board's; another kind, another content type or charset is refused, nothing changed", async () => {
    const before = await api.eventCount();
    const director = await api.token('staff-dir-1', ['director']);
    expect((await importFile('schools', fixture('schools'), director)).statusCode).toBe(403);
    expect((await importFile('teachers', fixture('schools'))).statusCode).toBe(400);
    expect((await api.post('/directory/imports/schools', { rows: [] }, board)).statusCode).toBe(400);
    expect((await api.post('/directory/imports/schools', fixture('schools'), board, { 'content-type': 'text/csv; charset=latin1' })).statusCode).toBe(415);
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses a file that is not valid UTF-8 (a Latin-1 "Café" sent as UTF-8) with 400, nothing changed (#31)', async () => {
    const before = await api.eventCount();
    const latin1 = Buffer.from('schoolId,brin,name,holidayRegion,schoolDayEndsAt\nschool-9,12AB,Caf\xe9 De Regenboog,midden,15:00\n', 'latin1');
    const refused = await api.app().inject({
      method: 'POST',
      url: '/directory/imports/schools',
      headers: { authorization: `Bearer ${board}`, 'content-type': 'text/csv' },
      payload: latin1,
    });
    expect([refused.statusCode, refused.headers['content-type'], refused.json().detail]).toEqual([
      400,
      expect.stringContaining('application/problem+json'),
      expect.stringContaining('UTF-8'),
    ]);
    expect(await api.eventCount()).toBe(before);
  });

  it('answers a file of 150,000 bad rows with the first 100 problems and how many there are, changing nothing (#31 item 5)', async () => {
    const before = await api.eventCount();
    const rows = Array.from({ length: 150_000 }, (_, n) => `pupil ${n},Naam,2015-03-14,school-1,groep 6,2021-08-20`).join('\n');
    const refused = await importFile('pupils', `personId,name,dateOfBirth,schoolId,group,enrolledOn\n${rows}\n`);
    expect(refused.statusCode).toBe(400);
    const body = refused.json() as { errorCount: number; errors: { line: number }[]; detail: string };
    expect(body.errorCount).toBe(150_000);
    expect(body.errors).toHaveLength(100);
    expect(body.errors.map((error) => error.line)).toEqual(Array.from({ length: 100 }, (_, n) => n + 2));
    expect(body.detail).toContain('the first 100 found are listed');
    expect(refused.body.length).toBeLessThan(20_000);
    expect(await api.eventCount()).toBe(before);
  });
});
