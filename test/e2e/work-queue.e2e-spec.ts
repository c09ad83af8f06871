import type { WorkItem } from '@casebook/projections';
import { describeOnServerStore } from './support/api-harness';

// Issue #17: GET /work — what waits for the signed-in person now, by role, overdue first. Each kind of item appears
// when its duty arises and is gone once its command is recorded; the obligation items are exactly the obligations
// list's, the inspector calls exactly the inspector queue's.
describeOnServerStore('the work queue (issue #17)', (api) => {
  let director: string;
  let otherDirector: string;
  let board: string;
  let hr: string;
  let legal: string;
  let position = 0;
  const now = () => new Date().toISOString();

  const post = async (url: string, body: unknown, token: string, status?: number) => {
    const response = await api.post(url, body, token);
    if (status) expect([url, response.statusCode]).toEqual([url, status]);
    else expect([url, response.statusCode]).toEqual([url, expect.any(Number)]);
    expect(response.statusCode).toBeLessThan(300);
    position = Math.max(position, (response.json().position as number | undefined) ?? 0);
    return response.json() as Record<string, unknown> & { id: string };
  };
  const work = async (token: string): Promise<WorkItem[]> => {
    const response = await api.get(`/work?waitForPosition=${position}`, token);
    expect(response.statusCode).toBe(200);
    return response.json().items as WorkItem[];
  };
  const kindsFor = async (token: string, caseId: string) =>
    (await work(token))
      .filter((item) => item.caseId === caseId)
      .map((item) => item.kind)
      .sort();
  const report = (body: Record<string, unknown>, token: string) =>
    post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-wq',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Berichten',
        involved: [{ personId: 'pupil-wq', personKind: 'pupil', role: 'perpetrator' }],
        ...body,
      },
      token,
      201,
    );

  beforeAll(async () => {
    director = await api.token('dir-wq', ['director'], ['school-wq']);
    otherDirector = await api.token('dir-wq-other', ['director'], ['school-wq-other']);
    board = await api.token('board-wq', ['board'], []);
    hr = await api.token('hr-wq', ['hr'], []);
    legal = await api.token('legal-wq', ['legal'], []);
  });

  it("gives the director the scope assessment, the parents' notice and the Inspectorate report of a suspension, each gone once recorded", async () => {
    const { id } = await report({}, director);
    expect(await kindsFor(director, id)).toEqual(['scope-assessment']);
    expect(await kindsFor(otherDirector, id)).toEqual([]);
    await post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'Within the protocol' }, director, 200);
    expect(await kindsFor(director, id)).toEqual([]);

    const suspension = await post(
      `/incidents/${id}/measures`,
      { subjectId: 'pupil-wq', measure: 'suspension', reason: 'Dreigde', startsOn: '2026-11-09', endsOn: '2026-11-10' },
      director,
      201,
    );
    const items = (await work(director)).filter((item) => item.caseId === id);
    expect(items.map((item) => item.kind).sort()).toEqual(['inform-parents', 'report-suspension-to-inspectorate']);
    expect(items.every((item) => item.obligationId && item.dueAt && item.caseNumber && item.schoolId === 'school-wq')).toBe(true);
    expect(await kindsFor(otherDirector, id)).toEqual([]);
    expect(await kindsFor(board, id)).toEqual([]);
    await post(`/incidents/${id}/parent-notifications`, { regarding: suspension.id, channel: 'letter', informedAt: now() }, director, 200);
    expect(await kindsFor(director, id)).toEqual(['report-suspension-to-inspectorate']);
    await post(`/incidents/${id}/inspectorate-reports`, { reportedAt: now(), reference: 'ISD-WQ-1' }, director, 200);
    expect(await kindsFor(director, id)).toEqual([]);
  });

  it('gives the director a phone to return and the parents to inform, each gone once recorded (M2, M6)', async () => {
    const { id } = await report({ category: 'phone-violation' }, director);
    await post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'Phone in class' }, director, 200);
    const take = () =>
      post(
        '/pupils/pupil-wq/device-custody',
        { schoolId: 'school-wq', device: 'phone', conditionChecked: { damage: 'none', working: true }, pupilPresent: true, switchedOff: true, incidentId: id },
        director,
        201,
      );
    const first = await take();
    expect(await kindsFor(director, id)).toEqual(['device-return']);
    // Whose phone it is: the pupil (named when the directory knows them; this one it does not).
    expect((await work(director)).find((item) => item.caseId === id)).toMatchObject({ kind: 'device-return', personId: 'pupil-wq' });
    await post(`/device-custody/${first.id}/return`, { returnedTo: 'pupil', returnedAt: now() }, director, 200);
    expect(await kindsFor(director, id)).toEqual([]);
    // The second offence: the parents are informed too (M2).
    const second = await take();
    expect(await kindsFor(director, id)).toEqual(['device-return', 'inform-parents']);
    await post(`/incidents/${id}/parent-notifications`, { regarding: second.id, channel: 'phone', informedAt: now() }, director, 200);
    expect(await kindsFor(director, id)).toEqual(['device-return']);
    await post(`/device-custody/${second.id}/return`, { returnedTo: 'parent', returnedAt: now() }, director, 200);
    expect(await kindsFor(director, id)).toEqual([]);
  });

  it('gives the board the qualification, then the inspector call; HR the open staff case; each gone once recorded (S8, B1)', async () => {
    const { id } = await report(
      { type: 'staff-misconduct', category: 'private-contact-with-pupil', involved: [{ personId: 'staff-wq', personKind: 'staff', role: 'perpetrator' }] },
      director,
    );
    expect(await kindsFor(board, id)).toEqual(['qualification']);
    expect(await kindsFor(hr, id)).toEqual(['staff-case']);
    await post(`/incidents/${id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private messages to a pupil' }, board, 200);
    const calls = (await work(board)).filter((item) => item.caseId === id);
    expect(calls.map((item) => item.kind)).toEqual(['inspector-call']);
    expect(calls[0]!.dueAt).not.toBeNull();
    await post(
      `/incidents/${id}/inspector-call`,
      { calledAt: now(), inspectorReference: 'VI-WQ-1', summary: 'Consulted', conclusion: 'no-reasonable-suspicion' },
      board,
      200,
    );
    expect(await kindsFor(board, id)).toEqual([]);
    await post(`/incidents/${id}/close`, { outcome: 'Handled' }, board, 200);
    expect(await kindsFor(hr, id)).toEqual([]);
  });

  it('gives the board the criminal-report decision, then the police report and its notices, each gone once recorded (B2)', async () => {
    const { id } = await report({}, director);
    const decision = await post('/criminal-report-decisions', { sourceIncidentId: id, suspectedOffence: 'Threat (Sr 285)' }, director, 201);
    expect(await kindsFor(board, id)).toEqual(['criminal-report-decision']);
    expect((await work(board)).find((item) => item.caseId === id)).toMatchObject({ decisionId: decision.id });
    await post(`/criminal-report-decisions/${decision.id}/decision`, { decision: 'report', rationale: 'A threat' }, board, 200);
    expect(await kindsFor(board, id)).toEqual(['police-report']);
    await post(`/criminal-report-decisions/${decision.id}/police-report`, { filedAt: now(), policeStation: 'Utrecht', policeReference: 'PL-WQ-1' }, board, 200);
    expect(await kindsFor(board, id)).toEqual([]);
  });

  it('gives the board the intended removal, then its notices and the placement, each gone once recorded (P6)', async () => {
    const { id } = await report({}, director);
    await post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'Within the protocol' }, director, 200);
    const intention = await post(`/incidents/${id}/removal-intentions`, { subjectId: 'pupil-wq', reason: 'Repeated threats' }, board, 201);
    expect((await work(board)).filter((item) => item.caseId === id)).toEqual([expect.objectContaining({ kind: 'removal-decision', decisionId: intention.id })]);
    const heard = (heardPersonId: string, heardAs: string) => ({
      heardPersonId,
      heardPersonKind: heardAs === 'parent' ? 'parent' : 'staff',
      heardAs,
      ofPupilId: 'pupil-wq',
      heardAt: now(),
      summary: 'Heard',
    });
    await post(`/incidents/${id}/hearings`, heard('staff-wq-teacher', 'class-teacher'), director, 201);
    await post(`/incidents/${id}/hearings`, heard('parent-wq', 'parent'), director, 201);
    const removal = await post(`/incidents/${id}/measures`, { subjectId: 'pupil-wq', measure: 'removal', reason: 'Repeated threats' }, board, 201);
    expect(await kindsFor(board, id)).toEqual(['inform-attendance-officer', 'removal-placement', 'report-removal-to-inspectorate']);
    expect(await kindsFor(director, id)).toEqual(['inform-parents']);
    await post(`/incidents/${id}/inspectorate-reports`, { reportedAt: now(), reference: 'ISD-WQ-2', regarding: removal.id }, board, 200);
    await post(
      `/incidents/${id}/inspectorate-reports`,
      { reportedAt: now(), reference: 'LPA-WQ-2', regarding: removal.id, recipient: 'attendance-officer' },
      board,
      200,
    );
    await post(`/incidents/${id}/placements`, { subjectId: 'pupil-wq', outcome: 'admitted', admittingSchool: 'De Regenboog', decidedAt: now() }, board, 201);
    expect(await kindsFor(board, id)).toEqual([]);
  });

  it('gives legal the cases under a legal hold, gone once lifted', async () => {
    const { id } = await report({}, director);
    await post(`/incidents/${id}/legal-hold`, { reason: 'Court case' }, legal, 200);
    expect(await kindsFor(legal, id)).toEqual(['legal-hold']);
    await post(`/incidents/${id}/legal-hold/lift`, { reason: 'Settled' }, legal, 200);
    expect(await kindsFor(legal, id)).toEqual([]);
  });

  it('is exactly the obligations list and the inspector queue for the same caller, overdue first', async () => {
    // Open duties of several kinds at once.
    const { id } = await report({}, director);
    await post(
      `/incidents/${id}/measures`,
      { subjectId: 'pupil-wq', measure: 'suspension', reason: 'Dreigde', startsOn: '2026-11-16', endsOn: '2026-11-17' },
      director,
      201,
    );
    const staff = await report(
      { type: 'staff-misconduct', category: 'private-contact-with-pupil', involved: [{ personId: 'staff-wq-2', personKind: 'staff', role: 'perpetrator' }] },
      director,
    );
    await post(`/incidents/${staff.id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private messages' }, board, 200);
    const decision = await post('/criminal-report-decisions', { sourceIncidentId: id, suspectedOffence: 'Threat' }, director, 201);
    await post(`/criminal-report-decisions/${decision.id}/decision`, { decision: 'report', rationale: 'A threat' }, board, 200);

    const obligationsOf = async (token: string) => {
      const response = await api.get(`/obligations?status=open&limit=200&waitForPosition=${position}`, token);
      return response.json().items as { obligationId: string; kind: string }[];
    };
    const directorKinds = ['inform-parents', 'device-return', 'report-suspension-to-inspectorate'];
    const directorWork = (await work(director))
      .filter((item) => item.obligationId)
      .map((item) => item.obligationId)
      .sort();
    expect(directorWork).toEqual(
      (await obligationsOf(director))
        .filter((o) => directorKinds.includes(o.kind))
        .map((o) => o.obligationId)
        .sort(),
    );
    expect(directorWork.length).toBeGreaterThan(0);

    const boardWork = await work(board);
    const boardObligations = (await obligationsOf(board)).filter(
      (o) => !directorKinds.includes(o.kind) && !o.kind.startsWith('inspector-call') && o.kind !== 'removal-reconsideration-window',
    );
    expect(
      boardWork
        .filter((item) => item.obligationId && item.kind !== 'inspector-call')
        .map((item) => item.obligationId)
        .sort(),
    ).toEqual(boardObligations.map((o) => o.obligationId).sort());
    const queue = (await api.get(`/inspector-notifications?status=pending&limit=200&waitForPosition=${position}`, board)).json().items as { itemId: string }[];
    expect(
      boardWork
        .filter((item) => item.kind === 'inspector-call')
        .map((item) => item.obligationId)
        .sort(),
    ).toEqual(queue.map((item) => item.itemId).sort());
    // Overdue first, then by due time; items without a deadline last.
    const order = boardWork.map((item) => `${item.overdue ? 0 : 1}|${item.dueAt ?? '9999'}`);
    expect(order).toEqual([...order].sort());
  });
});
