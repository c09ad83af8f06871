import { describeOnServerStore } from './support/api-harness';

// The life of a pupil incident over HTTP (api.md; SC2, F2, P1–P3, P5, P6, CLOSED), from report to reopening.
describeOnServerStore('pupil incident commands over HTTP', (api) => {
  let teacher: string;
  let director: string;
  let otherDirector: string;
  let board: string;
  let hr: string;

  beforeAll(async () => {
    teacher = await api.token('staff-teacher-1', ['teacher']);
    director = await api.token('staff-dir-1', ['director']);
    otherDirector = await api.token('staff-dir-9', ['director'], ['school-9']);
    board = await api.token('board-1', ['board'], []);
    hr = await api.token('hr-1', ['hr'], []);
  });

  const reportIncident = async (category = 'cyberbullying'): Promise<string> => {
    const response = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category,
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'Threatening messages in the class group chat',
        involved: [
          { personId: 'pupil-1', personKind: 'pupil', role: 'victim' },
          { personId: 'pupil-2', personKind: 'pupil', role: 'perpetrator' },
        ],
      },
      teacher,
    );
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const streamOf = async (id: string) => api.runtime().eventStore.readStream(`pupil-incident-${id}`);

  it('walks a case: scope, evidence, correspondence, a suspension, informing the parents (SC2, F2, P1, P2, P5)', async () => {
    const id = await reportIncident();
    const scope = await api.post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'School chat, school hours' }, director);
    expect(scope.statusCode).toBe(200);
    // Revision 0 is the report, 1 its case number.
    expect(scope.headers['etag']).toBe('"2"');
    expect(scope.json()).toEqual({ id, revision: 2, position: expect.any(Number) });

    const evidence = await api.post(`/incidents/${id}/evidence`, { description: 'Screenshot', sha256: 'A'.repeat(64), mediaType: 'image/png' }, teacher);
    expect(evidence.statusCode).toBe(201);
    expect(evidence.json()).toMatchObject({ id: expect.any(String), incidentId: id, revision: 3 });

    const letter = {
      direction: 'outgoing',
      counterpart: 'parent',
      channel: 'letter',
      occurredAt: '2026-11-04T16:00:00+01:00',
      summary: 'Letter to the parents',
    };
    const correspondence = await api.post(`/incidents/${id}/correspondence`, letter, director, { 'x-correlation-id': 'corr-e2e-0001' });
    expect(correspondence.statusCode).toBe(201);

    const suspension = await api.post(
      `/incidents/${id}/measures`,
      { subjectId: 'pupil-2', measure: 'suspension', reason: 'Threats', startsOn: '2026-11-09', endsOn: '2026-11-10' },
      director,
    );
    expect(suspension.statusCode).toBe(201);
    const measure = suspension.json();
    expect(measure.obligations.map((o: { kind: string }) => o.kind)).toEqual(['inform-parents', 'report-suspension-to-inspectorate']);

    // P5 (revision 2): the parents are told of a suspension in writing; a phone call leaves the obligation open.
    const byPhone = await api.post(
      `/incidents/${id}/parent-notifications`,
      { regarding: measure.id, channel: 'phone', informedAt: '2026-11-04T17:00:00+01:00' },
      director,
    );
    expect(byPhone.json()).toMatchObject({ status: 409, rule: 'P5' });
    const informed = await api.post(
      `/incidents/${id}/parent-notifications`,
      { regarding: measure.id, channel: 'letter', informedAt: '2026-11-04T17:00:00+01:00' },
      director,
    );
    expect(informed.statusCode).toBe(200);
    const again = await api.post(
      `/incidents/${id}/parent-notifications`,
      { regarding: measure.id, channel: 'letter', informedAt: '2026-11-04T17:00:00+01:00' },
      director,
    );
    expect(again.json()).toMatchObject({ status: 409, rule: 'P2' });

    const events = await streamOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'IncidentReported',
      'CaseNumbered',
      'ScopeAssessed',
      'EvidenceAdded',
      'CorrespondenceRecorded',
      'MeasureImposed',
      'ParentsInformed',
    ]);
    // Every command records actor, role, school, correlation and causation ids.
    expect(events[4]!.metadata).toMatchObject({
      actorId: 'staff-dir-1',
      actorRole: 'director',
      schoolId: 'school-1',
      correlationId: 'corr-e2e-0001',
      causationId: expect.any(String),
    });
    // F2 (revision 2): the perpetrator's file, not the victim's.
    expect(events[4]!.data).toMatchObject({ filedIn: { file: 'pupil-file', personIds: ['pupil-2'] } });

    const view = await api.get(`/incidents/${id}`, board);
    expect(view.statusCode).toBe(200);
    expect(view.headers['etag']).toBe('"6"');
    expect(Number(view.headers['x-projection-position'])).toBe(events[6]!.globalPosition);
    expect(view.json()).toMatchObject({
      id,
      kind: 'pupil-incident',
      status: 'open',
      scope: { inScope: true },
      measures: [{ measureId: measure.id, measure: 'suspension' }],
      obligations: [
        { kind: 'inform-parents', status: 'done' },
        { kind: 'report-suspension-to-inspectorate', status: 'open' },
      ],
    });
  });

  it('lets only the board remove a pupil, after the teacher and the parents were heard (P3, P6)', async () => {
    const id = await reportIncident();
    const removal = { subjectId: 'pupil-2', measure: 'removal', reason: 'Repeated threats after suspension' };
    expect((await api.post(`/incidents/${id}/measures`, removal, director)).json()).toMatchObject({ status: 403, rule: 'P3' });
    expect((await api.post(`/incidents/${id}/measures`, removal, board)).json()).toMatchObject({ status: 409, rule: 'P6' });
    // P6 (revision 2): the intention first, then the pupil's own class teacher and parents.
    expect((await api.post(`/incidents/${id}/removal-intentions`, { subjectId: 'pupil-2', reason: 'Repeated threats' }, board)).statusCode).toBe(201);
    const heard = (heardPersonId: string, heardPersonKind: string, heardAs: string) =>
      api.post(
        `/incidents/${id}/hearings`,
        { heardPersonId, heardPersonKind, heardAs, ofPupilId: 'pupil-2', heardAt: '2026-11-05T10:00:00+01:00', summary: 'Heard' },
        director,
      );
    expect((await heard('staff-17', 'staff', 'class-teacher')).statusCode).toBe(201);
    expect((await heard('parent-2', 'parent', 'parent')).statusCode).toBe(201);
    const removed = await api.post(`/incidents/${id}/measures`, removal, board);
    expect(removed.statusCode).toBe(201);
    expect(removed.json().obligations.map((o: { kind: string }) => o.kind)).toEqual([
      'inform-parents',
      'removal-placement',
      'removal-reconsideration-window',
      'report-removal-to-inspectorate',
      'inform-attendance-officer',
    ]);
  });

  it('refuses commands on a closed case until it is reopened (CLOSED); out of scope closes it (SC2)', async () => {
    const id = await reportIncident('other');
    const outOfScope = await api.post(`/incidents/${id}/scope-assessment`, { inScope: false, rationale: 'A private matter between families' }, director);
    expect(outOfScope.statusCode).toBe(200);
    const evidence = { description: 'Screenshot', sha256: 'b'.repeat(64), mediaType: 'image/png' };
    const before = await api.eventCount();
    expect((await api.post(`/incidents/${id}/evidence`, evidence, director)).json()).toMatchObject({ status: 409, rule: 'CLOSED' });
    expect(await api.eventCount()).toBe(before);
    expect((await api.post(`/incidents/${id}/reopen`, { reason: 'New messages' }, teacher)).statusCode).toBe(403);
    expect((await api.post(`/incidents/${id}/reopen`, { reason: 'New messages' }, director)).statusCode).toBe(200);
    expect((await api.post(`/incidents/${id}/evidence`, evidence, director)).statusCode).toBe(201);
    expect((await api.post(`/incidents/${id}/close`, { outcome: 'Talked it through' }, director)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${id}`, director)).json()).toMatchObject({ status: 'closed', outcome: 'Talked it through' });
  });

  it('refuses cyberbullying as out of scope (SC2) and a director of another school (ROLE), appending nothing', async () => {
    const id = await reportIncident();
    const before = await api.eventCount();
    expect((await api.post(`/incidents/${id}/scope-assessment`, { inScope: false, rationale: 'Private' }, director)).json()).toMatchObject({
      status: 409,
      rule: 'SC2',
    });
    expect((await api.post(`/incidents/${id}/close`, { outcome: 'x' }, otherDirector)).json()).toMatchObject({ status: 403, rule: 'ROLE' });
    expect(
      (
        await api.post(
          `/incidents/${id}/correspondence`,
          { direction: 'incoming', counterpart: 'parent', channel: 'phone', occurredAt: '2026-11-04T10:00:00Z', summary: 'x' },
          hr,
        )
      ).json(),
    ).toMatchObject({
      status: 403,
    });
    expect(await api.eventCount()).toBe(before);
  });

  it('answers 412 for a stale If-Match and replays an Idempotency-Key (api.md, concurrency and idempotency)', async () => {
    const id = await reportIncident();
    const stale = await api.post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'School chat' }, director, { 'if-match': '"3"' });
    expect(stale.statusCode).toBe(412);
    const fresh = await api.post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'School chat' }, director, { 'if-match': '"1"' });
    expect(fresh.statusCode).toBe(200);

    const evidence = { description: 'Screenshot', sha256: 'c'.repeat(64), mediaType: 'image/png' };
    const first = await api.post(`/incidents/${id}/evidence`, evidence, director, { 'idempotency-key': 'evidence-1' });
    const before = await api.eventCount();
    const replay = await api.post(`/incidents/${id}/evidence`, evidence, director, { 'idempotency-key': 'evidence-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await api.eventCount()).toBe(before);
    const different = await api.post(`/incidents/${id}/evidence`, { ...evidence, description: 'Other' }, director, { 'idempotency-key': 'evidence-1' });
    expect(different.statusCode).toBe(422);
  });

  it('refuses staff-only commands on a pupil incident (409 CASE) and unknown incidents (404)', async () => {
    const id = await reportIncident();
    const qualification = await api.post(`/incidents/${id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'x' }, board);
    expect(qualification.json()).toMatchObject({ status: 409, rule: 'CASE' });
    const unknown = await api.post('/incidents/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/close', { outcome: 'x' }, board);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the case to the roles that read it, and to no one else (role table)', async () => {
    const id = await reportIncident();
    expect((await api.get(`/incidents/${id}`, teacher)).statusCode).toBe(200); // the reporter
    expect((await api.get(`/incidents/${id}`, await api.token('staff-teacher-2', ['teacher']))).statusCode).toBe(403);
    expect((await api.get(`/incidents/${id}`, director)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${id}`, otherDirector)).statusCode).toBe(403);
    expect((await api.get(`/incidents/${id}`, hr)).statusCode).toBe(403); // HR never reads pupil cases
    expect((await api.get(`/incidents/${id}`, await api.token('legal-1', ['legal'], []))).statusCode).toBe(200);
    expect((await api.get('/incidents/not-a-uuid', board)).statusCode).toBe(400);
    expect((await api.get('/incidents/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', board)).statusCode).toBe(404);
    expect((await api.get(`/incidents/${id}`, null)).statusCode).toBe(401);
  });
});
