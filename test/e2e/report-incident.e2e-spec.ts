import type { Role } from '@casebook/incidents';
import { describeOnEveryStore } from './support/api-harness';

// POST /incidents over HTTP (api.md; SC1, B3, B4), on both stores.
describeOnEveryStore('reporting an incident over HTTP', (api) => {
  const token = (roles: Role[], schools: string[] = ['school-1']) => api.token(`p-${roles.join('-')}`, roles, schools);

  const report = (overrides: Record<string, unknown> = {}) => ({
    type: 'pupil-incident',
    schoolId: 'school-1',
    category: 'cyberbullying',
    occurredAt: '2026-11-03T20:30:00+01:00',
    summary: 'Threatening messages in the class group chat',
    involved: [
      { personId: 'pupil-1', personKind: 'pupil', role: 'victim', displayName: 'Noor' },
      { personId: 'pupil-2', personKind: 'pupil', role: 'perpetrator' },
    ],
    ...overrides,
  });
  const post = async (payload: object, bearer?: string) => api.post('/incidents', payload, bearer ?? (await token(['teacher'])));
  const total = () => api.eventCount();

  it('records a pupil incident reported by a teacher: 201, Location, ETag, and the actor in the metadata (SC1)', async () => {
    const response = await post(report());
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    expect(response.headers['location']).toBe(`/incidents/${id}`);
    // The report (revision 0) and its case number (revision 1, domain.md "case number").
    expect(response.headers['etag']).toBe('"1"');
    expect(response.json()).toMatchObject({ id, revision: 1, caseNumber: expect.stringMatching(/^\d{4}-\d{4,}$/) });
    const [event, numbered] = await api.runtime().eventStore.readStream(`pupil-incident-${id}`);
    expect(numbered).toMatchObject({ type: 'CaseNumbered', data: { caseNumber: response.json().caseNumber } });
    expect(event).toMatchObject({
      type: 'IncidentReported',
      data: { incidentId: id, kind: 'pupil-incident', category: 'cyberbullying', occurredAt: '2026-11-03T19:30:00.000Z' },
      metadata: { actorId: 'p-teacher', actorRole: 'teacher', schoolId: 'school-1', correlationId: expect.any(String), causationId: expect.any(String) },
    });
  });

  it('queues the statutory inspector item at once for signs of a sexual offence against a pupil (B3)', async () => {
    const response = await post(
      report({
        type: 'staff-misconduct',
        category: 'sexual-offence-against-pupil',
        involved: [
          { personId: 'staff-5', personKind: 'staff', role: 'perpetrator' },
          { personId: 'pupil-3', personKind: 'pupil', role: 'victim' },
        ],
      }),
      await token(['director']),
    );
    expect(response.statusCode).toBe(201);
    const stream = await api.runtime().eventStore.readStream(`staff-misconduct-${response.json().id}`);
    // B3 (revision 2): the criminal-report decision is opened with it, and linked from the case.
    expect(stream.map((e) => e.type)).toEqual(['IncidentReported', 'InspectorNotificationQueued', 'CaseNumbered', 'CriminalReportDecisionLinked']);
    expect(response.json()).toMatchObject({
      revision: 3,
      criminalReportDecisionId: expect.any(String),
      inspectorItemId: (stream[1]!.data as { obligation: { obligationId: string } }).obligation.obligationId,
    });
  });

  it('refuses with 409 and the rule: a pupil incident without a pupil (SC1), a staff category on a pupil incident (SC1), a future occurredAt (B4)', async () => {
    const before = await total();
    const noPupil = await post(report({ involved: [{ personId: 'staff-9', personKind: 'staff', role: 'witness' }] }));
    expect(noPupil.json()).toMatchObject({ status: 409, rule: 'SC1' });
    expect((await post(report({ category: 'decency-violated' }))).json()).toMatchObject({ status: 409, rule: 'SC1' });
    expect((await post(report({ occurredAt: '2099-01-01T00:00:00Z' }))).json()).toMatchObject({ status: 409, rule: 'B4' });
    expect(await total()).toBe(before);
  });

  it('answers 403 to HR and to a teacher of another school, 400 to malformed people', async () => {
    const before = await total();
    expect((await post(report(), await token(['hr'], []))).statusCode).toBe(403);
    expect((await post(report(), await token(['teacher'], ['school-9']))).statusCode).toBe(403);
    const bad = await post(report({ involved: [{ personId: 'p 1', personKind: 'alien', role: 'victim' }] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['involved.0.personId', 'involved.0.personKind']));
    expect((await post(report({ involved: [] }))).statusCode).toBe(400);
    expect(await total()).toBe(before);
  });
});
