import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// CLOSE1 and B3 over HTTP (api.md revision 2, "Changed answers"): a close with open obligations answers 409 listing
// them; a close that waives each (with a rationale) closes; facts are recorded on the closed case; a B3 case is never
// out of scope and its statutory item is never waived.
describeOnServerStore('closing a case with open obligations (CLOSE1, B3)', (api) => {
  let director: string;
  let board: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
  });

  const report = async (body: Record<string, unknown>) => {
    const response = await api.post('/incidents', { schoolId: 'school-1', occurredAt: '2026-11-02T21:00:00+01:00', summary: 'Messages', ...body }, director);
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; statutoryObligationId?: string; inspectorItemId?: string };
  };
  const refused = (url: string, body: unknown, bearer: string, status: number, rule?: string) => expectRefusal(api, url, body, bearer, status, rule);

  it("answers 409 listing the open obligations, closes with each waived, and still records the parents' letter (CLOSE1)", async () => {
    const { id } = await report({
      type: 'pupil-incident',
      category: 'cyberbullying',
      involved: [{ personId: 'pupil-close-1', personKind: 'pupil', role: 'perpetrator' }],
    });
    const measure = (await api.post(`/incidents/${id}/measures`, { subjectId: 'pupil-close-1', measure: 'warning', reason: 'Messages' }, director)).json();
    const informId = measure.obligations[0].obligationId as string;

    const problem = await refused(`/incidents/${id}/close`, { outcome: 'Handled' }, director, 409);
    expect(problem).toMatchObject({ rule: 'CLOSE1', openObligations: [{ obligationId: informId, kind: 'inform-parents' }] });
    await refused(`/incidents/${id}/close`, { outcome: 'Handled', waive: [{ obligationId: 'not-a-uuid', rationale: 'x' }] }, director, 400);
    await refused(`/incidents/${id}/close`, { outcome: 'Handled', waive: [{ obligationId: informId }] }, director, 400);
    await refused(`/incidents/${id}/close`, { outcome: 'Handled', waive: [{ obligationId: informId, rationale: ' ' }] }, director, 409);

    const closed = await api.post(
      `/incidents/${id}/close`,
      { outcome: 'Handled', waive: [{ obligationId: informId, rationale: 'The parents could not be reached' }] },
      director,
    );
    expect(closed.statusCode).toBe(200);
    const view = (await api.get(`/incidents/${id}`, director)).json();
    expect(view).toMatchObject({
      status: 'closed',
      obligations: [{ obligationId: informId, status: 'waived', waiver: { rationale: 'The parents could not be reached' } }],
    });
    const done = (await api.get(`/obligations?status=done&waitForPosition=${closed.json().position}`, director)).json().items as { obligationId: string }[];
    expect(done.map((o) => o.obligationId)).toContain(informId);

    // A fact, recorded on the closed case; a decision is refused.
    const letter = await api.post(
      `/incidents/${id}/parent-notifications`,
      { regarding: measure.id, channel: 'letter', informedAt: '2026-11-04T10:00:00+01:00' },
      director,
    );
    expect(letter.statusCode).toBe(200);
    expect((await refused(`/incidents/${id}/measures`, { subjectId: 'pupil-close-1', measure: 'warning', reason: 'Again' }, director, 409))['rule']).toBe(
      'CLOSED',
    );
  });

  it('never closes a B3 case as out of scope, and never waives its statutory consultation (B3, CLOSE1)', async () => {
    const { id, inspectorItemId } = await report({
      type: 'staff-misconduct',
      category: 'sexual-offence-against-pupil',
      involved: [{ personId: 'staff-close-1', personKind: 'staff', role: 'perpetrator' }],
    });
    expect((await refused(`/incidents/${id}/scope-assessment`, { inScope: false, rationale: 'Outside school' }, board, 409))['rule']).toBe('B3');
    expect((await refused(`/incidents/${id}/close`, { outcome: 'Handled' }, board, 409))['rule']).toBe('B3');
    expect(
      (await refused(`/incidents/${id}/close`, { outcome: 'Handled', waive: [{ obligationId: inspectorItemId!, rationale: 'No time' }] }, board, 409))['rule'],
    ).toBe('B3');
  });

  it('opens the criminal-report decision with the report, decides it only after the consultation, and stays open until it is (B3)', async () => {
    const reported = await report({
      type: 'staff-misconduct',
      category: 'sexual-offence-against-pupil',
      involved: [{ personId: 'staff-close-2', personKind: 'staff', role: 'perpetrator' }],
    });
    const { id, criminalReportDecisionId, inspectorItemId } = reported as { id: string; criminalReportDecisionId: string; inspectorItemId: string };
    expect(criminalReportDecisionId).toEqual(expect.any(String));
    expect(inspectorItemId).toEqual(expect.any(String));
    const view = (await api.get(`/incidents/${id}`, board)).json();
    expect(view).toMatchObject({
      criminalReportDecisions: [criminalReportDecisionId],
      obligations: [{ obligationId: inspectorItemId, kind: 'inspector-call-statutory', status: 'open' }],
    });
    const decision = await api.runtime().eventStore.readStream(`criminal-report-${criminalReportDecisionId}`);
    expect(decision[0]).toMatchObject({ type: 'CriminalReportDecisionOpened', data: { sourceIncidentId: id, statutory: true } });

    // No decision before the consultation, with its conclusion (B3).
    expect(
      (await refused(`/criminal-report-decisions/${criminalReportDecisionId}/decision`, { decision: 'do-not-report', rationale: 'Legal advice' }, board, 409))[
        'rule'
      ],
    ).toBe('B3');
    const call = { calledAt: '2026-11-05T09:15:00+01:00', inspectorReference: 'VI-2026-0999', summary: 'Consulted', conclusion: 'reasonable-suspicion' };
    expect((await api.post(`/incidents/${id}/inspector-call`, call, board)).statusCode).toBe(200);
    // The item is done; the decision is not: the case stays open (B3).
    expect(await refused(`/incidents/${id}/close`, { outcome: 'Handled' }, board, 409)).toMatchObject({
      rule: 'B3',
      openCriminalReportDecisions: [criminalReportDecisionId],
    });
    expect(
      (await refused(`/criminal-report-decisions/${criminalReportDecisionId}/decision`, { decision: 'do-not-report', rationale: 'Doubt' }, board, 409))['rule'],
    ).toBe('B3');
    const decided = await api.post(
      `/criminal-report-decisions/${criminalReportDecisionId}/decision`,
      { decision: 'report', rationale: 'Reasonable suspicion' },
      board,
    );
    expect(decided.statusCode).toBe(200);
    // B3: the pupil's parents and the accused are informed before the report is filed.
    expect(decided.json().notices.map((n: { kind: string }) => n.kind)).toEqual(['inform-parents-before-police-report', 'inform-accused-before-police-report']);
    for (const to of ['parents', 'accused']) {
      expect(
        (
          await api.post(
            `/criminal-report-decisions/${criminalReportDecisionId}/notices`,
            { to, channel: 'letter', informedAt: new Date().toISOString() },
            board,
          )
        ).statusCode,
      ).toBe(200);
    }
    await refused(
      `/criminal-report-decisions/${criminalReportDecisionId}/notices`,
      { to: 'parents', channel: 'letter', informedAt: new Date().toISOString() },
      board,
      409,
    );
    await refused(
      `/criminal-report-decisions/${criminalReportDecisionId}/notices`,
      { to: 'neighbours', channel: 'letter', informedAt: new Date().toISOString() },
      board,
      400,
    );
    await refused(`/incidents/${id}/close`, { outcome: 'Handled' }, board, 409); // decided, not yet filed
    const filed = { filedAt: '2026-11-06T10:00:00+01:00', policeStation: 'Utrecht Overvecht', policeReference: 'PL0900-2026-777' };
    expect((await api.post(`/criminal-report-decisions/${criminalReportDecisionId}/police-report`, filed, board)).statusCode).toBe(200);
    expect((await api.post(`/incidents/${id}/close`, { outcome: 'Reported to the police' }, board)).statusCode).toBe(200);
  });

  it('records a police report filed before the notices, and a notice after it as late, never "vóór de aangifte" (B3, FACT1)', async () => {
    const reported = await report({
      type: 'staff-misconduct',
      category: 'sexual-offence-against-pupil',
      involved: [{ personId: 'staff-fact1-b3', personKind: 'staff', role: 'perpetrator' }],
    });
    const { id, criminalReportDecisionId } = reported as { id: string; criminalReportDecisionId: string };
    const call = { calledAt: '2026-11-05T09:15:00+01:00', inspectorReference: 'VI-2026-1001', summary: 'Consulted', conclusion: 'reasonable-suspicion' };
    expect((await api.post(`/incidents/${id}/inspector-call`, call, board)).statusCode).toBe(200);
    const decided = await api.post(`/criminal-report-decisions/${criminalReportDecisionId}/decision`, { decision: 'report', rationale: 'Vermoeden' }, board);
    const notices = decided.json().notices as { obligationId: string; kind: string }[];
    // The case shows its decision's obligations, naming the decision (#33: the case list counted them, the page did not).
    const open = (await api.get(`/incidents/${id}`, board)).json().obligations as { kind: string; status: string; criminalReportDecisionId?: string }[];
    expect(open.filter((o) => o.criminalReportDecisionId === criminalReportDecisionId).map((o) => [o.kind, o.status])).toEqual([
      ['police-report', 'open'],
      ['inform-parents-before-police-report', 'open'],
      ['inform-accused-before-police-report', 'open'],
    ]);
    // The filing is a fact (FACT1): recorded, with both notices still open.
    const filedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const filed = { filedAt, policeStation: 'Utrecht Overvecht', policeReference: 'PL0900-2026-778' };
    expect((await api.post(`/criminal-report-decisions/${criminalReportDecisionId}/police-report`, filed, board)).statusCode).toBe(200);
    // The parents informed after the filing; the accused before it (recorded only now).
    const afterwards = await api.post(
      `/criminal-report-decisions/${criminalReportDecisionId}/notices`,
      { to: 'parents', channel: 'letter', informedAt: new Date(Date.now() - 30 * 60_000).toISOString() },
      board,
    );
    expect(afterwards.statusCode).toBe(200);
    const before = await api.post(
      `/criminal-report-decisions/${criminalReportDecisionId}/notices`,
      { to: 'accused', channel: 'meeting', informedAt: new Date(Date.parse(filedAt) - 60 * 60_000).toISOString() },
      board,
    );
    const position = before.json().position as number;
    const done = (await api.get(`/obligations?status=done&waitForPosition=${position}`, board)).json().items as {
      obligationId: string;
      dueAt: string;
      timing: string;
    }[];
    const timing = (kind: string) => done.find((o) => o.obligationId === notices.find((n) => n.kind === kind)!.obligationId);
    expect(timing('inform-parents-before-police-report')).toMatchObject({ timing: 'after-due' });
    expect(Date.parse(timing('inform-parents-before-police-report')!.dueAt)).toBe(Date.parse(filedAt));
    expect(timing('inform-accused-before-police-report')).toMatchObject({ timing: 'before-due' });
    const shown = (await api.get(`/incidents/${id}`, board)).json().obligations as { kind: string; status: string; dueAt: string }[];
    expect(shown.filter((o) => o.kind !== 'inspector-call-statutory').map((o) => o.status)).toEqual(['done', 'done', 'done']);
    expect(Date.parse(shown.find((o) => o.kind === 'inform-parents-before-police-report')!.dueAt)).toBe(Date.parse(filedAt));
    const lines = JSON.stringify((await api.get(`/incidents/${id}/timeline?waitForPosition=${position}`, board)).json());
    expect(lines).toContain('De ouders van de leerling geïnformeerd ná de aangifte (te laat)');
    expect(lines).toContain('De beschuldigde geïnformeerd vóór de aangifte');
  });
});
