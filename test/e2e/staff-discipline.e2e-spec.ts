import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// Revision 2 of the staff rules over HTTP (api.md "New commands"): only the perpetrator (S9), the written intention
// and the hearing first (S12), a dismissal only as a procedure with its outcome (S13), shown in the personnel file.
describeOnServerStore('disciplinary intentions, hearings and dismissal procedures over HTTP (S9, S12, S13)', (api) => {
  let director: string;
  let board: string;
  let hr: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
    hr = await api.token('hr-1', ['hr'], []);
  });

  const reportCase = async (perpetrator: string, witness: string): Promise<string> => {
    const response = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'decency-violated',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Insulting posts about a colleague',
        involved: [
          { personId: perpetrator, personKind: 'staff', role: 'perpetrator' },
          { personId: witness, personKind: 'staff', role: 'witness' },
        ],
      },
      director,
    );
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  /** A refusal: its status and rule, problem+json, and nothing appended. */
  const refused = (url: string, body: unknown, bearer: string, status: number, rule?: string) => expectRefusal(api, url, body, bearer, status, rule);

  it('walks a reprimand: qualification, written intention, hearing, measure; a witness is never disciplined (S9, S12)', async () => {
    const id = await reportCase('staff-sd-1', 'staff-sd-w1');
    const reprimand = { subjectId: 'staff-sd-1', measure: 'reprimand', reason: 'Insulting posts' };
    await refused(`/incidents/${id}/measures`, { subjectId: 'staff-sd-w1', measure: 'warning', reason: 'Saw it' }, board, 409, 'S9');
    await refused(`/incidents/${id}/measures`, reprimand, board, 409, 'S9');
    expect((await api.post(`/incidents/${id}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Posts' }, board)).statusCode).toBe(200);
    await refused(`/incidents/${id}/measures`, reprimand, board, 409, 'S12');

    const intention = { subjectId: 'staff-sd-1', measure: 'reprimand', announcedAt: '2026-11-04T09:00:00+01:00' };
    await refused(`/incidents/${id}/disciplinary-intentions`, intention, director, 403);
    await refused(`/incidents/${id}/disciplinary-intentions`, { ...intention, subjectId: 'staff-sd-w1' }, board, 409, 'S9');
    const announced = await api.post(`/incidents/${id}/disciplinary-intentions`, intention, board);
    expect(announced.statusCode).toBe(201);
    expect(announced.json()).toMatchObject({ id: expect.any(String), incidentId: id, revision: 3, position: expect.any(Number) });

    const hearing = {
      heardPersonId: 'staff-sd-1',
      heardAs: 'staff-member',
      heardAt: '2026-11-05T10:00:00+01:00',
      summary: 'Heard with a union representative',
    };
    await refused(`/incidents/${id}/hearings`, hearing, director, 403);
    await refused(`/incidents/${id}/hearings`, { ...hearing, heardAs: 'parent' }, board, 409, 'S12');
    expect((await api.post(`/incidents/${id}/hearings`, hearing, board)).statusCode).toBe(201);
    const imposed = await api.post(`/incidents/${id}/measures`, reprimand, board);
    expect(imposed.statusCode).toBe(201);

    const file = (await api.get(`/staff/staff-sd-1/personnel-file?waitForPosition=${imposed.json().position}`, hr)).json();
    expect(file).toMatchObject({
      disciplinaryIntentions: [{ measure: 'reprimand', occurredAt: '2026-11-04T08:00:00.000Z' }],
      hearings: [{ heardAs: 'staff-member', occurredAt: '2026-11-05T09:00:00.000Z' }],
      disciplinaryMeasures: [{ measure: 'reprimand' }],
    });
    // The witness has no personnel-file entry of this case: only the perpetrator's file holds it (F1, S9).
    expect((await api.get(`/staff/staff-sd-w1/personnel-file?waitForPosition=${imposed.json().position}`, hr)).statusCode).toBe(404);
    const view = (await api.get(`/incidents/${id}`, board)).json();
    expect(view.disciplinaryIntentions).toMatchObject([{ subjectId: 'staff-sd-1', measure: 'reprimand' }]);
    expect(view.hearings).toMatchObject([{ heardPersonId: 'staff-sd-1', heardAs: 'staff-member' }]);
  });

  it('refuses a dismissal by the board alone and records the procedure and its outcome instead (S13)', async () => {
    const id = await reportCase('staff-sd-2', 'staff-sd-w2');
    await refused(`/incidents/${id}/measures`, { subjectId: 'staff-sd-2', measure: 'dismissal', reason: 'Repeated' }, board, 409, 'S13');
    const pending = await api.post(
      `/incidents/${id}/measures`,
      { subjectId: 'staff-sd-2', measure: 'suspension-pending-investigation', reason: 'While investigated', startsOn: '2026-11-09' },
      board,
    );
    expect(pending.statusCode).toBe(201);

    const procedure = { subjectId: 'staff-sd-2', route: 'cantonal-court', startedAt: '2026-11-10T09:00:00+01:00' };
    await refused(`/incidents/${id}/dismissal-procedure/outcome`, { outcome: 'granted', decidedAt: '2026-11-20T09:00:00+01:00' }, board, 404, 'S13');
    await refused(`/incidents/${id}/dismissal-procedure`, procedure, director, 403);
    await refused(`/incidents/${id}/dismissal-procedure`, { ...procedure, subjectId: 'staff-sd-w2' }, board, 409, 'S13');
    const started = await api.post(`/incidents/${id}/dismissal-procedure`, procedure, board);
    expect(started.statusCode).toBe(201);
    await refused(`/incidents/${id}/dismissal-procedure`, procedure, board, 409, 'S13');
    const concluded = await api.post(`/incidents/${id}/dismissal-procedure/outcome`, { outcome: 'settled', decidedAt: '2026-11-20T09:00:00+01:00' }, board);
    expect(concluded.statusCode).toBe(200);
    expect(concluded.json()).toMatchObject({ id, procedureId: started.json().id });
    expect((await api.get(`/incidents/${id}`, board)).json().dismissalProcedures).toEqual([
      {
        procedureId: started.json().id,
        subjectId: 'staff-sd-2',
        route: 'cantonal-court',
        startedAt: '2026-11-10T08:00:00.000Z',
        outcome: 'settled',
        decidedAt: '2026-11-20T08:00:00.000Z',
      },
    ]);
    const timeline = (await api.get(`/incidents/${id}/timeline?waitForPosition=${concluded.json().position}`, board)).json().items as { text: string }[];
    expect(timeline.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        'Ontslagprocedure gestart via de kantonrechter, door College van Bestuur',
        'Ontslagprocedure afgerond: geschikt, door College van Bestuur',
      ]),
    );
  });

  it('answers bad bodies with 400 naming the field, on a pupil case 409, never 5xx, nothing appended (S12, S13)', async () => {
    const id = await reportCase('staff-sd-3', 'staff-sd-w3');
    const bad = [
      [`/incidents/${id}/disciplinary-intentions`, { subjectId: 'staff-sd-3', measure: 'detention', announcedAt: '2026-11-04T09:00:00Z' }, 'measure'],
      [`/incidents/${id}/disciplinary-intentions`, { subjectId: 'staff-sd-3', measure: 'reprimand', announcedAt: 'yesterday' }, 'announcedAt'],
      [`/incidents/${id}/disciplinary-intentions`, { subjectId: 'x y', measure: 'reprimand', announcedAt: '2026-11-04T09:00:00Z' }, 'subjectId'],
      [`/incidents/${id}/dismissal-procedure`, { subjectId: 'staff-sd-3', route: 'by-letter', startedAt: '2026-11-04T09:00:00Z' }, 'route'],
      [`/incidents/${id}/dismissal-procedure`, { subjectId: 'staff-sd-3', route: 'uwv' }, 'startedAt'],
      [`/incidents/${id}/dismissal-procedure/outcome`, { outcome: 'maybe', decidedAt: '2026-11-04T09:00:00Z' }, 'outcome'],
      [`/incidents/${id}/dismissal-procedure/outcome`, { outcome: 'granted', decidedAt: '2026-11-04T09:00:00Z', extra: 1 }, 'extra'],
      [`/incidents/${id}/hearings`, { heardPersonId: 'staff-sd-3', heardAs: 'colleague', heardAt: '2026-11-04T09:00:00Z', summary: 'x' }, 'heardAs'],
      [`/incidents/${id}/measures`, { subjectId: 'staff-sd-3', measure: 'summary-dismissal', reason: 'x', factsKnownAt: 'soon' }, 'factsKnownAt'],
    ] as const;
    for (const [url, body, field] of bad) {
      const problem = await refused(url, body, board, 400);
      expect((problem['errors'] as { field: string }[] | undefined)?.map((e) => e.field)).toContain(field);
    }
    await refused(
      `/incidents/${id}/disciplinary-intentions`,
      { subjectId: 'staff-sd-3', measure: 'reprimand', announcedAt: new Date(Date.now() + 3_600_000).toISOString() },
      board,
      409,
      'B4',
    );
    const pupilCase = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'x',
        involved: [{ personId: 'pupil-sd', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    await refused(
      `/incidents/${pupilCase.json().id}/dismissal-procedure`,
      { subjectId: 'pupil-sd', route: 'uwv', startedAt: '2026-11-04T09:00:00Z' },
      board,
      409,
      'CASE',
    );
    await refused(
      '/incidents/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/disciplinary-intentions',
      { subjectId: 'staff-sd-3', measure: 'reprimand', announcedAt: '2026-11-04T09:00:00Z' },
      board,
      404,
    );
  });

  it('withdraws a qualification by its id: it stays shown as withdrawn, and S9 follows (COR1, #32)', async () => {
    const id = await reportCase('staff-cor1-q', 'staff-cor1-w');
    const qualified = await api.post(`/incidents/${id}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Posts' }, board);
    expect(qualified.statusCode).toBe(200);
    const { qualificationId } = qualified.json() as { qualificationId: string };
    expect(qualificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.get(`/incidents/${id}`, board)).json().qualifications).toEqual([
      expect.objectContaining({ qualificationId, qualification: 'dereliction-of-duty' }),
    ]);
    const intention = { subjectId: 'staff-cor1-q', measure: 'reprimand', announcedAt: '2026-11-04T09:00:00+01:00' };
    expect((await api.post(`/incidents/${id}/disciplinary-intentions`, intention, board)).statusCode).toBe(201);
    const hearing = { heardPersonId: 'staff-cor1-q', heardAs: 'staff-member', heardAt: '2026-11-05T10:00:00+01:00', summary: 'Gehoord' };
    expect((await api.post(`/incidents/${id}/hearings`, hearing, board)).statusCode).toBe(201);

    // Only the board withdraws, with a rationale; then a reprimand lacks its qualification (S9).
    await refused(`/incidents/${id}/withdrawals`, { withdrawnId: qualificationId, rationale: 'Na bezwaar' }, director, 403);
    const withdrawn = await api.post(`/incidents/${id}/withdrawals`, { withdrawnId: qualificationId, rationale: 'Na bezwaar' }, board);
    expect(withdrawn.statusCode).toBe(201);
    await refused(`/incidents/${id}/withdrawals`, { withdrawnId: qualificationId, rationale: 'Nog eens' }, board, 409, 'COR1');
    await refused(`/incidents/${id}/measures`, { subjectId: 'staff-cor1-q', measure: 'reprimand', reason: 'Posts' }, board, 409, 'S9');
    expect((await api.get(`/incidents/${id}`, board)).json().qualifications).toEqual([
      expect.objectContaining({ qualificationId, withdrawn: expect.objectContaining({ rationale: 'Na bezwaar' }) }),
    ]);
    // Qualified again, the measure may follow.
    expect((await api.post(`/incidents/${id}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Opnieuw' }, board)).statusCode).toBe(200);
    expect((await api.post(`/incidents/${id}/measures`, { subjectId: 'staff-cor1-q', measure: 'reprimand', reason: 'Posts' }, board)).statusCode).toBe(201);
  });
});
