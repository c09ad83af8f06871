import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// P6 (domain.md revision 2, api.md "New commands"): a removal is prepared (intention, the pupil's own class teacher
// and parents heard), followed up (the Inspectorate and the attendance officer informed, another school found or
// eight weeks searched), and the parents' objection is heard and decided. Before, the removal's clocks could never
// close: they stayed overdue for ever.
describeOnServerStore('removing a pupil over HTTP (P6)', (api) => {
  let director: string;
  let board: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
  });

  const refused = (url: string, body: unknown, bearer: string, status: number, rule?: string) => expectRefusal(api, url, body, bearer, status, rule);
  const heard = (heardPersonId: string, heardAs: 'class-teacher' | 'parent', ofPupilId: string) => ({
    heardPersonId,
    heardPersonKind: heardAs === 'parent' ? 'parent' : 'staff',
    heardAs,
    ofPupilId,
    heardAt: new Date().toISOString(),
    summary: 'Heard on the intended removal',
  });

  it('walks a removal: intention, the right hearings, the decision, its notices, the objection heard and decided, a new school', async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'Threats after a suspension',
        involved: [
          { personId: 'pupil-rm-bully', personKind: 'pupil', role: 'perpetrator' },
          { personId: 'pupil-rm-victim', personKind: 'pupil', role: 'victim' },
        ],
      },
      director,
    );
    const id = reported.json().id as string;
    const removal = { subjectId: 'pupil-rm-bully', measure: 'removal', reason: 'Repeated threats' };
    await refused(`/incidents/${id}/measures`, removal, board, 409, 'P6');
    await refused(`/incidents/${id}/removal-intentions`, { subjectId: 'pupil-rm-bully', reason: 'Threats' }, director, 403);
    expect((await api.post(`/incidents/${id}/removal-intentions`, { subjectId: 'pupil-rm-bully', reason: 'Repeated threats' }, board)).statusCode).toBe(201);
    // The victim's parent heard does not count for the bully; a parent hearing must say whose parent it is.
    expect((await api.post(`/incidents/${id}/hearings`, heard('staff-rm-teacher', 'class-teacher', 'pupil-rm-bully'), director)).statusCode).toBe(201);
    expect((await api.post(`/incidents/${id}/hearings`, heard('parent-rm-victim', 'parent', 'pupil-rm-victim'), director)).statusCode).toBe(201);
    await refused(`/incidents/${id}/measures`, removal, board, 409, 'P6');
    const { ofPupilId: _omitted, ...unnamed } = heard('parent-rm-bully', 'parent', 'x');
    await refused(`/incidents/${id}/hearings`, unnamed, director, 409, 'P6');
    expect((await api.post(`/incidents/${id}/hearings`, heard('parent-rm-bully', 'parent', 'pupil-rm-bully'), director)).statusCode).toBe(201);

    const decided = await api.post(`/incidents/${id}/measures`, removal, board);
    expect(decided.statusCode).toBe(201);
    const { id: removalId, obligations } = decided.json() as { id: string; obligations: { obligationId: string; kind: string }[] };
    expect(obligations.map((o) => o.kind)).toEqual([
      'inform-parents',
      'removal-placement',
      'removal-reconsideration-window',
      'report-removal-to-inspectorate',
      'inform-attendance-officer',
    ]);

    // The notices: a letter to the parents (P6: in writing), the Inspectorate, the attendance officer.
    await refused(`/incidents/${id}/parent-notifications`, { regarding: removalId, channel: 'phone', informedAt: new Date().toISOString() }, board, 409, 'P6');
    expect(
      (await api.post(`/incidents/${id}/parent-notifications`, { regarding: removalId, channel: 'letter', informedAt: new Date().toISOString() }, board))
        .statusCode,
    ).toBe(200);
    expect(
      (await api.post(`/incidents/${id}/inspectorate-reports`, { reportedAt: new Date().toISOString(), reference: 'ISD-RM-1', regarding: removalId }, board))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await api.post(
          `/incidents/${id}/inspectorate-reports`,
          { reportedAt: new Date().toISOString(), reference: 'LPA-RM-1', regarding: removalId, recipient: 'attendance-officer' },
          board,
        )
      ).statusCode,
    ).toBe(200);

    // The parents object: the board must hear them before it decides.
    const objected = await api.post(
      `/incidents/${id}/objections`,
      { subjectId: 'pupil-rm-bully', receivedAt: new Date().toISOString(), summary: 'The parents object' },
      board,
    );
    expect(objected.statusCode).toBe(201);
    const objectionId = objected.json().id as string;
    await refused(`/incidents/${id}/objections/${objectionId}/decision`, { decision: 'rejected', rationale: 'Stands' }, board, 409, 'P6');
    expect((await api.post(`/incidents/${id}/hearings`, heard('parent-rm-bully', 'parent', 'pupil-rm-bully'), board)).statusCode).toBe(201);
    expect(
      (await api.post(`/incidents/${id}/objections/${objectionId}/decision`, { decision: 'rejected', rationale: 'The removal stands' }, board)).statusCode,
    ).toBe(200);
    await refused(
      `/incidents/${id}/placements`,
      { subjectId: 'pupil-rm-bully', outcome: 'search-ended', decidedAt: new Date().toISOString() },
      board,
      409,
      'P6',
    ); // not eight weeks yet
    const placed = await api.post(
      `/incidents/${id}/placements`,
      { subjectId: 'pupil-rm-bully', outcome: 'admitted', admittingSchool: 'De Regenboog, Utrecht', decidedAt: new Date().toISOString() },
      board,
    );
    expect(placed.statusCode).toBe(201);

    // Every clock of the removal is closed; the case can close without a waiver.
    const view = (await api.get(`/incidents/${id}`, board)).json() as {
      obligations: { kind: string; status: string }[];
      removal: { objections: { decision: string }[] };
    };
    expect(view.obligations.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'inform-parents:done',
      'removal-placement:done',
      'removal-reconsideration-window:done',
      'report-removal-to-inspectorate:done',
      'inform-attendance-officer:done',
      'decide-objection:done',
    ]);
    expect(view.removal.objections).toMatchObject([{ decision: 'rejected' }]);
    const open = (await api.get(`/obligations?status=open&waitForPosition=${placed.json().position}`, board)).json().items as { incidentId: string }[];
    expect(open.filter((o) => o.incidentId === id)).toEqual([]);
    expect((await api.post(`/incidents/${id}/close`, { outcome: 'Removed; admitted elsewhere' }, board)).statusCode).toBe(200);
  });

  it('answers bad bodies with 400 and unknown objections with 404, nothing appended (P6)', async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'x',
        involved: [{ personId: 'pupil-rm-2', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    const id = reported.json().id as string;
    await refused(`/incidents/${id}/removal-intentions`, { subjectId: 'pupil-rm-2' }, board, 400);
    await refused(`/incidents/${id}/placements`, { subjectId: 'pupil-rm-2', outcome: 'moved', decidedAt: '2026-11-04T09:00:00Z' }, board, 400);
    await refused(`/incidents/${id}/objections`, { subjectId: 'pupil-rm-2', receivedAt: 'today', summary: 'x' }, board, 400);
    await refused(`/incidents/${id}/objections/not-a-uuid/decision`, { decision: 'rejected', rationale: 'x' }, board, 400);
    await refused(`/incidents/${id}/objections/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/decision`, { decision: 'rejected', rationale: 'x' }, board, 404, 'P6');
    await refused(`/incidents/${id}/objections`, { subjectId: 'pupil-rm-2', receivedAt: '2026-11-04T09:00:00Z', summary: 'x' }, board, 404, 'P6'); // no removal
    await refused(
      `/incidents/${id}/hearings`,
      { heardPersonId: 'p', heardAs: 'grandparent', ofPupilId: 'pupil-rm-2', heardAt: '2026-11-04T09:00:00Z', summary: 'x' },
      board,
      400,
    );
    await refused(`/incidents/${id}/inspectorate-reports`, { reportedAt: '2026-11-04T09:00:00Z', reference: 'x', recipient: 'mayor' }, board, 400);
  });
});
