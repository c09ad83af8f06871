import { describeOnServerStore } from './support/api-harness';

// P5 (domain.md revision 2, api.md "New commands"): the report of a suspension to the Inspectorate closes the
// obligation the suspension opened. Before, nothing could close it: it stayed overdue for ever. The first command
// of revision 2, added through the write side's one door (issue #15).
describeOnServerStore('the report of a suspension to the Inspectorate (P5)', (api) => {
  let director: string;
  let incidentId: string;
  let suspensionId: string;

  beforeAll(async () => {
    director = await api.token('dir-isd', ['director']);
    const report = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Dreigberichten in de klasgroep',
        involved: [{ personId: 'pupil-isd', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    incidentId = report.json().id;
    // Monday and Tuesday: two school days, whatever day the test runs (P5 counts school days).
    const suspension = await api.post(
      `/incidents/${incidentId}/measures`,
      { subjectId: 'pupil-isd', measure: 'suspension', reason: 'Dreigde', startsOn: '2026-11-09', endsOn: '2026-11-10' },
      director,
    );
    expect(suspension.statusCode).toBe(201);
    suspensionId = suspension.json().id;
    expect(suspension.json().obligations.map((o: { kind: string }) => o.kind)).toContain('report-suspension-to-inspectorate');
  });

  it('closes the report obligation, shows it in the case and the Dutch timeline, and refuses a second report (P5)', async () => {
    const reported = await api.post(
      `/incidents/${incidentId}/inspectorate-reports`,
      { reportedAt: new Date().toISOString(), reference: 'ISD-2026-118' },
      director,
    );
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({ id: incidentId, incidentId, regarding: suspensionId, revision: 3, position: expect.any(Number) });
    expect(reported.headers['etag']).toBe('"3"');

    const view = (await api.get(`/incidents/${incidentId}`, director)).json();
    expect(view.obligations.find((o: { kind: string }) => o.kind === 'report-suspension-to-inspectorate')).toMatchObject({ status: 'done' });
    const done = (await api.get(`/obligations?status=done&waitForPosition=${reported.json().position}`, director)).json().items;
    expect(done.map((o: { kind: string; incidentId: string }) => `${o.kind} ${o.incidentId}`)).toContain(`report-suspension-to-inspectorate ${incidentId}`);
    const timeline = (await api.get(`/incidents/${incidentId}/timeline?waitForPosition=${reported.json().position}`, director)).json().items;
    expect(timeline.at(-1).text).toBe('Schriftelijk gemeld aan de Inspectie van het Onderwijs (kenmerk ISD-2026-118), door directeur');

    const again = await api.post(
      `/incidents/${incidentId}/inspectorate-reports`,
      { reportedAt: new Date().toISOString(), reference: 'ISD-2026-119', regarding: suspensionId },
      director,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ rule: 'P5' });
  });
});
