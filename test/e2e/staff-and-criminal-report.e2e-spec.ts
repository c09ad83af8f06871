import { describeOnServerStore } from './support/api-harness';

// Staff misconduct (S8–S11, B1, B3) and criminal-report decisions (P4, B2, B3) over HTTP (api.md).
describeOnServerStore('staff cases and criminal-report decisions over HTTP', (api) => {
  let director: string;
  let board: string;
  let hr: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
    hr = await api.token('hr-1', ['hr'], []);
  });

  const reportStaffCase = async (category = 'private-contact-with-pupil'): Promise<string> => {
    const response = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category,
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'A teacher befriended pupils on a private account',
        involved: [
          { personId: 'staff-5', personKind: 'staff', role: 'perpetrator' },
          { personId: 'pupil-3', personKind: 'pupil', role: 'victim' },
        ],
      },
      director,
    );
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const call = (conclusion?: string) => ({
    calledAt: '2026-11-05T09:15:00+01:00',
    inspectorReference: 'VI-2026-0415',
    summary: 'Discussed',
    ...(conclusion ? { conclusion } : {}),
  });

  it('lets only the board qualify; boundary-crossing queues the inspector call, which the call closes (S8, B1)', async () => {
    const id = await reportStaffCase();
    const byDirector = await api.post(`/incidents/${id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private messages' }, director);
    expect(byDirector.statusCode).toBe(403);
    const qualified = await api.post(`/incidents/${id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private messages' }, board);
    expect(qualified.statusCode).toBe(200);
    const { inspectorNotificationId } = qualified.json();
    expect(inspectorNotificationId).toEqual(expect.any(String));
    expect((await api.get(`/incidents/${id}`, hr)).json()).toMatchObject({
      obligations: [{ obligationId: inspectorNotificationId, kind: 'inspector-call-policy', status: 'open' }],
    });

    expect((await api.post(`/incidents/${id}/inspector-call`, call(), director)).statusCode).toBe(403);
    expect((await api.post(`/incidents/${id}/inspector-call`, call(), board)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${id}`, board)).json()).toMatchObject({
      qualifications: [{ qualification: 'boundary-crossing' }],
      obligations: [{ obligationId: inspectorNotificationId, status: 'done' }],
      inspectorCalls: [{ inspectorReference: 'VI-2026-0415' }],
    });
  });

  it("records manager consultations (S10), HR correspondence in the personnel file (F1) and the board's measures (S9, S11, S12)", async () => {
    const id = await reportStaffCase('confidential-information-published');
    expect(
      (await api.post(`/incidents/${id}/manager-consultations`, { consultedAt: '2026-11-03T11:00:00+01:00', summary: 'Asked first' }, director)).statusCode,
    ).toBe(201);
    const letter = {
      direction: 'outgoing',
      counterpart: 'staff',
      channel: 'letter',
      occurredAt: '2026-11-04T10:00:00+01:00',
      summary: 'Invitation to a hearing',
    };
    expect((await api.post(`/incidents/${id}/correspondence`, letter, hr)).statusCode).toBe(201);
    const dismissal = { subjectId: 'staff-5', measure: 'summary-dismissal', reason: 'Published pupil records', communicatedAt: '2026-11-04T12:00:00+01:00' };
    expect((await api.post(`/incidents/${id}/measures`, dismissal, director)).json()).toMatchObject({ status: 403, rule: 'S9' });
    // S9, S12 (revision 2): the qualification, the written intention and the hearing come first.
    expect((await api.post(`/incidents/${id}/measures`, dismissal, board)).json()).toMatchObject({ status: 409, rule: 'S9' });
    expect(
      (await api.post(`/incidents/${id}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Published records' }, board)).statusCode,
    ).toBe(200);
    expect((await api.post(`/incidents/${id}/measures`, dismissal, board)).json()).toMatchObject({ status: 409, rule: 'S12' });
    expect(
      (
        await api.post(
          `/incidents/${id}/disciplinary-intentions`,
          { subjectId: 'staff-5', measure: 'summary-dismissal', announcedAt: '2026-11-04T09:00:00+01:00' },
          board,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await api.post(
          `/incidents/${id}/hearings`,
          { heardPersonId: 'staff-5', heardAs: 'staff-member', heardAt: '2026-11-04T10:00:00+01:00', summary: 'Heard' },
          board,
        )
      ).statusCode,
    ).toBe(201);
    expect((await api.post(`/incidents/${id}/measures`, dismissal, board)).json()).toMatchObject({ status: 409, rule: 'S11' }); // factsKnownAt missing
    expect((await api.post(`/incidents/${id}/measures`, { ...dismissal, factsKnownAt: '2026-11-03T16:00:00+01:00' }, board)).statusCode).toBe(201);
    expect((await api.post(`/incidents/${id}/measures`, { subjectId: 'staff-5', measure: 'ict-ban', reason: 'x' }, board)).json()).toMatchObject({
      rule: 'S9',
    });
    const events = await api.runtime().eventStore.readStream(`staff-misconduct-${id}`);
    expect(events.find((e) => e.type === 'CorrespondenceRecorded')?.data).toMatchObject({ filedIn: { file: 'personnel-file', personIds: ['staff-5'] } });
  });

  it('opens a criminal-report decision linked both ways; the board reports, and the police report closes it (P4, B2)', async () => {
    const source = await reportStaffCase('decency-violated');
    const opened = await api.post('/criminal-report-decisions', { sourceIncidentId: source, suspectedOffence: 'Threat (Sr 285)' }, director);
    expect(opened.statusCode).toBe(201);
    const { id } = opened.json();
    expect(opened.headers['location']).toBe(`/criminal-report-decisions/${id}`);
    expect((await api.get(`/incidents/${source}`, board)).json()).toMatchObject({ criminalReportDecisions: [id] });

    expect((await api.post(`/criminal-report-decisions/${id}/decision`, { decision: 'report', rationale: 'A threat' }, director)).statusCode).toBe(403);
    const before = await api.eventCount();
    expect((await api.post(`/criminal-report-decisions/${id}/decision`, { decision: 'do-not-report', rationale: '  ' }, board)).json()).toMatchObject({
      status: 409,
      rule: 'B2',
    });
    expect(await api.eventCount()).toBe(before);
    const decided = await api.post(`/criminal-report-decisions/${id}/decision`, { decision: 'report', rationale: 'A threat' }, board);
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ id, policeReportObligationId: expect.any(String) });
    const filed = { filedAt: '2026-11-06T10:00:00+01:00', policeStation: 'Utrecht Overvecht', policeReference: 'PL0900-2026123456' };
    expect((await api.post(`/criminal-report-decisions/${id}/police-report`, filed, board)).statusCode).toBe(200);
    expect((await api.post(`/criminal-report-decisions/${id}/police-report`, filed, board)).json()).toMatchObject({ status: 409, rule: 'B2' });
  });

  it('obliges the board to report after the statutory consultation found a reasonable suspicion (B3)', async () => {
    const source = await reportStaffCase('sexual-offence-against-pupil');
    expect((await api.post(`/incidents/${source}/inspector-call`, call(), board)).json()).toMatchObject({ status: 409, rule: 'B3' });
    expect((await api.post(`/incidents/${source}/inspector-call`, call('reasonable-suspicion'), board)).statusCode).toBe(200);
    const { id } = (await api.post('/criminal-report-decisions', { sourceIncidentId: source, suspectedOffence: 'Sr 249' }, board)).json();
    const refused = await api.post(`/criminal-report-decisions/${id}/decision`, { decision: 'do-not-report', rationale: 'Advice' }, board);
    expect(refused.json()).toMatchObject({ status: 409, rule: 'B3' });
  });

  it('answers 404 for unknown decisions and sources, 400 for ids that are not UUIDs', async () => {
    expect(
      (await api.post('/criminal-report-decisions', { sourceIncidentId: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', suspectedOffence: 'x' }, board)).statusCode,
    ).toBe(404);
    expect(
      (await api.post('/criminal-report-decisions/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/decision', { decision: 'report', rationale: 'x' }, board)).statusCode,
    ).toBe(404);
    expect(
      (
        await api.post(
          '/criminal-report-decisions/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/police-report',
          { filedAt: '2026-11-06T10:00:00Z', policeStation: 'x', policeReference: 'y' },
          board,
        )
      ).statusCode,
    ).toBe(404);
    const notUuid = await api.post('/criminal-report-decisions', { sourceIncidentId: '../etc/passwd', suspectedOffence: 'x' }, board);
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors).toEqual([{ field: 'sourceIncidentId', message: expect.any(String) }]);
  });

  it('takes a volunteer as the perpetrator of a staff case: the statutory duty applies, filed in their personnel file (B3, #32)', async () => {
    const response = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'sexual-offence-against-pupil',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Berichten van een stagiair aan een leerling',
        involved: [
          { personId: 'volunteer-b3', personKind: 'volunteer', role: 'perpetrator' },
          { personId: 'pupil-b3', personKind: 'pupil', role: 'victim' },
        ],
      },
      director,
    );
    expect(response.statusCode).toBe(201);
    const { id, criminalReportDecisionId, inspectorItemId, position } = response.json() as Record<string, string> & { position: number };
    // B3 covers "a staff member or volunteer": the statutory item and the decision are opened at once.
    expect(criminalReportDecisionId).toEqual(expect.any(String));
    expect(inspectorItemId).toEqual(expect.any(String));
    const file = await api.get(`/staff/volunteer-b3/personnel-file?waitForPosition=${position}`, hr);
    expect(file.statusCode).toBe(200);
    expect(JSON.stringify(file.json())).toContain(id);
    // A volunteer is no employee: the disciplinary measures of S9 concern staff members.
    const measure = await api.post(`/incidents/${id}/measures`, { subjectId: 'volunteer-b3', measure: 'reprimand', reason: 'Berichten' }, board);
    expect(measure.statusCode).toBe(409);
    // A case needs someone who works at the school as perpetrator: a parent alone is no staff case.
    const parentOnly = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'decency-violated',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Een ouder',
        involved: [{ personId: 'parent-b3', personKind: 'parent', role: 'perpetrator' }],
      },
      director,
    );
    expect([parentOnly.statusCode, parentOnly.json().rule]).toEqual([409, 'SC1']);
  });
});
