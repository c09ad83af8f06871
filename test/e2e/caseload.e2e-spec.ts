import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// Issue #17 (api.md revision 2, "Caseload and work"): GET /incidents lists the cases a caller may see — by role and
// school, never a case they are involved in (CI1) — with every filter of the contract, paged, no names or
// narratives, each list logged; POST /incidents/{id}/assignment gives a case its owner; GET /statistics counts.
describeOnServerStore('the caseload (issue #17)', (api) => {
  let directorA: string;
  let directorB: string;
  let board: string;
  let hr: string;
  let legal: string;
  let teacher: string;
  let involvedDirector: string;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};
  let lastPosition = 0;

  const report = async (name: string, body: Record<string, unknown>, token: string) => {
    const response = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-a',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: `Geheim verhaal ${name}`,
        involved: [{ personId: `pupil-${name}`, personKind: 'pupil', role: 'perpetrator', displayName: `Naam ${name}` }],
        ...body,
      },
      token,
    );
    expect(response.statusCode).toBe(201);
    ids[name] = response.json().id as string;
    numbers[name] = response.json().caseNumber as string;
    lastPosition = Math.max(lastPosition, response.json().position as number);
  };
  const list = async (query: string, token: string) => {
    const response = await api.get(`/incidents?waitForPosition=${lastPosition}${query ? `&${query}` : ''}`, token);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: { id: string; [key: string]: unknown }[]; nextCursor: string | null };
  };
  const listed = async (query: string, token: string) => (await list(query, token)).items.map((item) => item.id);

  beforeAll(async () => {
    directorA = await api.token('dir-a', ['director'], ['school-a']);
    directorB = await api.token('dir-b', ['director'], ['school-b']);
    board = await api.token('board-cl', ['board'], []);
    hr = await api.token('hr-cl', ['hr'], []);
    legal = await api.token('legal-cl', ['legal'], []);
    teacher = await api.token('teacher-a', ['teacher'], ['school-a']);
    involvedDirector = await api.token('dir-involved', ['director'], ['school-a']);
    await report('a1', {}, directorA);
    await report('a2', { category: 'phone-violation' }, teacher);
    await report('b1', { schoolId: 'school-b' }, directorB);
    await report(
      'staff-a',
      {
        type: 'staff-misconduct',
        category: 'private-contact-with-pupil',
        involved: [{ personId: 'dir-involved', personKind: 'staff', role: 'perpetrator', displayName: 'De directeur' }],
      },
      board,
    );
    await report(
      'witnessed',
      {
        involved: [
          { personId: 'pupil-w', personKind: 'pupil', role: 'victim' },
          { personId: 'dir-involved', personKind: 'staff', role: 'witness' },
        ],
      },
      directorA,
    );
  });

  it("shows a director its own schools' cases only, never another school's", async () => {
    const ofB = await listed('', directorB);
    expect(ofB).toEqual([ids['b1']]);
    expect(await listed('schoolId=school-a', directorB)).toEqual([]);
    const ofA = await listed('', directorA);
    expect(ofA).toEqual(expect.arrayContaining([ids['a1'], ids['a2'], ids['staff-a'], ids['witnessed']]));
    expect(ofA).not.toContain(ids['b1']);
  });

  it('shows HR the staff cases only, a teacher only what it reported, the board and legal every case', async () => {
    expect(await listed('', hr)).toEqual([ids['staff-a']]);
    expect(await listed('', teacher)).toEqual([ids['a2']]);
    for (const token of [board, legal]) expect(await listed('', token)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it('never lists a case to someone it is about or who witnessed it, whatever their roles (CI1)', async () => {
    const seen = await listed('', involvedDirector);
    expect(seen).toEqual(expect.arrayContaining([ids['a1'], ids['a2']]));
    expect(seen).not.toContain(ids['staff-a']);
    expect(seen).not.toContain(ids['witnessed']);
    expect(await listed('personId=dir-involved', involvedDirector)).toEqual([]);
  });

  it('answers ids, codes and moments only: no names, no narratives', async () => {
    const page = await list('', board);
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/Naam|Geheim|De directeur/);
    expect(page.items.find((item) => item.id === ids['a1'])).toEqual({
      id: ids['a1'],
      caseNumber: numbers['a1'],
      kind: 'pupil-incident',
      schoolId: 'school-a',
      category: 'cyberbullying',
      status: 'open',
      ownerId: null,
      reportedAt: expect.any(String),
      lastChangedAt: expect.any(String),
      openObligations: 0,
      overdueObligations: 0,
    });
  });

  it('filters by every field of the contract, and finds a case by its number', async () => {
    expect(await listed(`caseNumber=${numbers['a2']}`, board)).toEqual([ids['a2']]);
    expect(await listed('kind=staff-misconduct', board)).toEqual([ids['staff-a']]);
    expect(await listed('schoolId=school-a&category=phone-violation', board)).toEqual([ids['a2']]);
    expect(await listed('personId=pupil-a1', board)).toEqual([ids['a1']]);
    expect(await listed('status=closed', board)).toEqual([]);
    // from/to are calendar days in the board's time zone (Europe/Amsterdam): the day b1 was reported there, taken from
    // its own reportedAt so the check holds at 23:30 UTC and across midnight alike.
    const b1 = (await list(`caseNumber=${numbers['b1']}`, board)).items[0];
    const reportedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(b1.reportedAt as string));
    expect(await listed(`from=${reportedOn}&to=${reportedOn}&schoolId=school-b`, board)).toEqual([ids['b1']]);
    expect(await listed('from=2020-01-01&to=2020-12-31', board)).toEqual([]);
    // A measure opens the parents' notice: one open obligation, not yet overdue.
    const measure = await api.post(`/incidents/${ids['a1']}/measures`, { subjectId: 'pupil-a1', measure: 'warning', reason: 'Berichten' }, directorA);
    lastPosition = measure.json().position as number;
    expect((await list(`caseNumber=${numbers['a1']}`, board)).items[0]).toMatchObject({ openObligations: 1, overdueObligations: 0 });
    expect(await listed('overdue=true', board)).toEqual([]);
  });

  it('pages newest first with a cursor: every case once, none left out', async () => {
    const all = await listed('', board);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`, board);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('logs every list in the access log: who listed which cases', async () => {
    await list('schoolId=school-b', board);
    const log = await api.get('/access-log?actorId=board-cl&limit=200', legal);
    const entries = (log.json().items as { resource: string; caseIds?: string[] }[]).filter((entry) => entry.resource === 'caseload');
    expect(entries.some((entry) => JSON.stringify(entry.caseIds) === JSON.stringify([ids['b1']]))).toBe(true);
  });

  it('refuses bad filters with 400 and reads nothing', async () => {
    for (const query of [
      'status=pending',
      'kind=other',
      'limit=0',
      'limit=201',
      'from=2026-13-01',
      'from=2026-12-02&to=2026-12-01',
      'caseNumber=42',
      'overdue=yes',
      'cursor=not*ours',
      `cursor=${Buffer.from('{"r":"x"}').toString('base64url')}`,
      'personId=../x',
    ]) {
      const response = await api.get(`/incidents?${query}`, board);
      expect([query, response.statusCode, response.headers['content-type']]).toEqual([query, 400, expect.stringContaining('application/problem+json')]);
    }
  });

  it('gives a case an owner, who finds it with ownerId and in its work queue; bad assignments change nothing', async () => {
    const assigned = await api.post(`/incidents/${ids['a1']}/assignment`, { ownerId: 'staff-care-a' }, directorA);
    expect(assigned.statusCode).toBe(200);
    lastPosition = assigned.json().position as number;
    expect(await listed('ownerId=staff-care-a', board)).toEqual([ids['a1']]);
    expect((await list(`caseNumber=${numbers['a1']}`, board)).items[0]).toMatchObject({ ownerId: 'staff-care-a' });
    expect((await api.get(`/incidents/${ids['a1']}`, board)).json()).toMatchObject({ ownerId: 'staff-care-a' });
    const owner = await api.token('staff-care-a', ['teacher'], ['school-a']);
    const work = (await api.get(`/work?waitForPosition=${lastPosition}`, owner)).json().items as { kind: string; caseId: string; caseNumber: string }[];
    expect(work).toContainEqual(expect.objectContaining({ kind: 'owned-case', caseId: ids['a1'], caseNumber: numbers['a1'] }));

    await expectRefusal(api, `/incidents/${ids['a1']}/assignment`, { ownerId: '../etc' }, directorA, 400);
    await expectRefusal(api, `/incidents/${ids['a1']}/assignment`, {}, directorA, 400);
    await expectRefusal(api, `/incidents/${ids['a1']}/assignment`, { ownerId: 'staff-x' }, teacher, 403);
    await expectRefusal(api, `/incidents/${ids['a1']}/assignment`, { ownerId: 'staff-x' }, directorB, 403);
    await expectRefusal(api, `/incidents/${ids['staff-a']}/assignment`, { ownerId: 'staff-x' }, directorA, 403);
    await expectRefusal(api, `/incidents/${ids['a1']}/assignment`, { ownerId: 'pupil-a1' }, directorA, 409, 'CI1');
    await expectRefusal(api, '/incidents/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/assignment', { ownerId: 'staff-x' }, board, 404);
  });

  it('counts cases and measures per school and kind, small counts as "< 5", in JSON and CSV; a director only its schools', async () => {
    for (let n = 0; n < 5; n++) await report(`bulk-${n}`, { schoolId: 'school-c' }, board);
    const statistics = await api.get(`/statistics?groupBy=school,kind&waitForPosition=${lastPosition}`, board);
    expect(statistics.statusCode).toBe(200);
    const rows = statistics.json().rows as { school: string; kind: string; cases: unknown; measures: unknown }[];
    expect(rows.find((row) => row.school === 'school-c')).toEqual({ school: 'school-c', kind: 'pupil-incident', cases: 5, measures: 0 });
    expect(rows.find((row) => row.school === 'school-b')).toMatchObject({ cases: '< 5' });
    expect(JSON.stringify(statistics.json())).not.toMatch(/"cases":[1-4][,}]/);
    const csv = await api.get('/statistics?groupBy=school', board, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('school,cases,measures');
    expect(csv.body).toContain('school-c,5,0');
    expect(csv.body).toContain('school-b,< 5,');
    // Directors: their own schools' statistics only.
    expect((await api.get('/statistics?schoolId=school-a', directorB)).statusCode).toBe(403);
    const own = (await api.get('/statistics?groupBy=school', directorB)).json().rows as { school: string }[];
    expect(own.map((row) => row.school)).toEqual(['school-b']);
    expect((await api.get('/statistics', teacher)).statusCode).toBe(403);
    expect((await api.get('/statistics?groupBy=school,name', board)).statusCode).toBe(400);
  });
});
