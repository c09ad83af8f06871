import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// COR1 over HTTP (api.md revision 2, "New commands"): reclassification (into B3: the statutory item and the decision
// open at once), an involved person added, a measure withdrawn — each a new event, the earlier one visible.
describeOnServerStore('corrections (COR1)', (api) => {
  let director: string;
  let board: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
  });

  const refused = (url: string, body: unknown, bearer: string, status: number, rule?: string) => expectRefusal(api, url, body, bearer, status, rule);

  it('reclassifies a staff case into B3: the statutory item and the criminal-report decision open in the same request (COR1, B3)', async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'private-contact-with-pupil',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Private messages',
        involved: [{ personId: 'staff-cor1', personKind: 'staff', role: 'perpetrator' }],
      },
      director,
    );
    const id = reported.json().id as string;
    await refused(`/incidents/${id}/reclassification`, { category: 'sexual-offence-against-pupil', rationale: 'x' }, director, 403);
    await refused(`/incidents/${id}/reclassification`, { category: 'cyberbullying', rationale: 'x' }, board, 409, 'SC1');
    await refused(`/incidents/${id}/reclassification`, { category: 'no-such-category', rationale: 'x' }, board, 400);
    const reclassified = await api.post(
      `/incidents/${id}/reclassification`,
      { category: 'sexual-offence-against-pupil', rationale: 'The pupil told the confidential counsellor' },
      board,
    );
    expect(reclassified.statusCode).toBe(200);
    const { criminalReportDecisionId, inspectorItemId } = reclassified.json() as { criminalReportDecisionId: string; inspectorItemId: string };
    const view = (await api.get(`/incidents/${id}`, board)).json();
    expect(view).toMatchObject({
      category: 'sexual-offence-against-pupil',
      reclassifications: [{ from: 'private-contact-with-pupil', to: 'sexual-offence-against-pupil' }],
      criminalReportDecisions: [criminalReportDecisionId],
      obligations: [{ obligationId: inspectorItemId, kind: 'inspector-call-statutory', status: 'open' }],
    });
    expect(reclassified.headers['etag']).toBe(`"${view.revision}"`);
    const timeline = (await api.get(`/incidents/${id}/timeline?waitForPosition=${reclassified.json().position}`, board)).json().items as { text: string }[];
    expect(timeline.map((line) => line.text)).toContain(
      'Categorie gewijzigd van privécontact met een leerling in signalen van een zedendelict tegen een leerling, door College van Bestuur',
    );
  });

  it('adds a witness and withdraws a warning, both shown on the case (COR1)', async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Messages',
        involved: [{ personId: 'pupil-cor1', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    const id = reported.json().id as string;
    expect((await api.post(`/incidents/${id}/involved`, { personId: 'pupil-cor1-witness', personKind: 'pupil', role: 'witness' }, director)).statusCode).toBe(
      200,
    );
    await refused(`/incidents/${id}/involved`, { personId: 'pupil-cor1-witness', personKind: 'pupil', role: 'witness' }, director, 409, 'COR1');
    await refused(`/incidents/${id}/involved`, { personId: 'x', personKind: 'alien', role: 'witness' }, director, 400);
    const warning = await api.post(`/incidents/${id}/measures`, { subjectId: 'pupil-cor1', measure: 'warning', reason: 'Messages' }, director);
    const measureId = warning.json().id as string;
    await refused(`/incidents/${id}/withdrawals`, { withdrawnId: measureId, rationale: '' }, director, 400);
    await refused(`/incidents/${id}/withdrawals`, { withdrawnId: '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b', rationale: 'x' }, director, 404, 'COR1');
    const withdrawn = await api.post(`/incidents/${id}/withdrawals`, { withdrawnId: measureId, rationale: 'The messages were not theirs' }, director);
    expect(withdrawn.statusCode).toBe(201);
    const view = (await api.get(`/incidents/${id}`, director)).json();
    expect(view.involved.map((p: { personId: string }) => p.personId)).toEqual(['pupil-cor1', 'pupil-cor1-witness']);
    expect(view.measures).toMatchObject([{ measureId, withdrawn: { rationale: 'The messages were not theirs' } }]);
    const file = (await api.get(`/pupils/pupil-cor1-witness/file?waitForPosition=${withdrawn.json().position}`, director)).json();
    expect(file.incidents).toMatchObject([{ incidentId: id, role: 'witness' }]);
  });
});
