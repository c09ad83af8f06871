import { waitUntil } from '@casebook/testing';
import { describeOnEveryStore } from './support/api-harness';

// Read endpoints over HTTP (api.md, Reads): role and school scoping, waitForPosition, X-Projection-Position,
// pages, and the access log that records every dossier read — refused ones too (issue #4).
describeOnEveryStore('read models over HTTP', (api) => {
  let director: string;
  let otherDirector: string;
  let board: string;
  let hr: string;
  let legal: string;
  let incidentId: string;
  let lastPosition: number;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    otherDirector = await api.token('staff-dir-9', ['director'], ['school-9']);
    board = await api.token('board-1', ['board'], []);
    hr = await api.token('hr-1', ['hr'], []);
    legal = await api.token('legal-1', ['legal'], []);
    const report = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'phone-violation',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Filmed a classmate',
        involved: [{ personId: 'pupil-reads', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    incidentId = report.json().id;
    const custody = { schoolId: 'school-1', device: 'phone', conditionChecked: { damage: 'none', working: true }, pupilPresent: true, switchedOff: true };
    await api.post('/pupils/pupil-reads/device-custody', custody, director);
    lastPosition = (await api.post('/pupils/pupil-reads/device-custody', custody, director)).json().position;
  });

  it('answers the pupil file once it has reached the position a command gave (read your writes)', async () => {
    const response = await api.get(`/pupils/pupil-reads/file?waitForPosition=${lastPosition}`, director);
    expect(response.statusCode).toBe(200);
    expect(Number(response.headers['x-projection-position'])).toBeGreaterThanOrEqual(lastPosition);
    expect(response.json()).toMatchObject({
      pupilId: 'pupil-reads',
      incidents: [{ incidentId, category: 'phone-violation', role: 'perpetrator' }],
      deviceCustody: { offencesThisSchoolYear: 2 },
    });
  });

  it('refuses a director of school B the pupil file of school A, and the access log shows the refusal', async () => {
    const refused = await api.get(`/pupils/pupil-reads/file?waitForPosition=${lastPosition}`, otherDirector);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    let entries: { actorId: string; outcome: string; resource: string }[] = [];
    await waitUntil(async () => {
      entries = (await api.get('/access-log?subjectId=pupil-reads', legal)).json().items;
      return entries.some((e) => e.actorId === 'staff-dir-9');
    }, 'the refused read in the access log');
    expect(entries).toContainEqual(expect.objectContaining({ actorId: 'staff-dir-9', resource: 'pupil-file', outcome: 'refused' }));
    expect(entries).toContainEqual(expect.objectContaining({ actorId: 'staff-dir-1', resource: 'pupil-file', outcome: 'granted' }));
    expect((await api.get('/access-log', board)).statusCode).toBe(403);
  });

  it("lists obligations for the director's schools, overdue first, a page at a time", async () => {
    const open = await api.get(`/obligations?status=open&waitForPosition=${lastPosition}`, director);
    expect(open.statusCode).toBe(200);
    const kinds = open.json().items.map((o: { kind: string }) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['device-return', 'inform-parents']));
    expect((await api.get(`/obligations?waitForPosition=${lastPosition}`, otherDirector)).json().items).toEqual([]);
    const first = await api.get('/obligations?limit=1', director);
    expect(first.json().items).toHaveLength(1);
    const second = await api.get(`/obligations?limit=1&cursor=${first.json().nextCursor}`, director);
    expect(second.json().items[0].obligationId).not.toBe(first.json().items[0].obligationId);
    expect((await api.get('/obligations', hr)).statusCode).toBe(403);
  });

  it('shows the timeline in Dutch, or English on request; HR reads no pupil case (B4)', async () => {
    const nl = await api.get(`/incidents/${incidentId}/timeline?waitForPosition=${lastPosition}`, director);
    expect(nl.statusCode).toBe(200);
    expect(nl.json().items[0]).toMatchObject({
      type: 'IncidentReported',
      actor: { id: 'staff-dir-1', role: 'director' },
      text: expect.stringContaining('Incident gemeld'),
    });
    const en = await api.get(`/incidents/${incidentId}/timeline`, board, { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' });
    expect(en.headers['content-language']).toBe('en');
    expect(en.json().items[0].text).toContain('Incident reported');
    expect((await api.get(`/incidents/${incidentId}/timeline`, hr)).statusCode).toBe(403);
    expect((await api.get('/incidents/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/timeline', board)).statusCode).toBe(404);
  });

  it('queues the inspector call and files the staff case in the personnel file (B1, S8, F1)', async () => {
    const staffCase = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'private-contact-with-pupil',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Befriended pupils',
        involved: [{ personId: 'staff-reads', personKind: 'staff', role: 'perpetrator' }],
      },
      director,
    );
    const qualified = await api.post(
      `/incidents/${staffCase.json().id}/qualifications`,
      { qualification: 'boundary-crossing', rationale: 'Private messages' },
      board,
    );
    const position = qualified.json().position;
    const queue = await api.get(`/inspector-notifications?status=pending&waitForPosition=${position}`, board);
    expect(queue.json().items).toContainEqual(
      expect.objectContaining({ itemId: qualified.json().inspectorNotificationId, status: 'pending', basis: 'policy' }),
    );
    const file = await api.get(`/staff/staff-reads/personnel-file?waitForPosition=${position}`, hr);
    expect(file.json()).toMatchObject({
      staffId: 'staff-reads',
      cases: [{ category: 'private-contact-with-pupil' }],
      qualifications: [{ qualification: 'boundary-crossing' }],
    });
    expect((await api.get('/staff/staff-reads/personnel-file', director)).statusCode).toBe(403);
    expect((await api.get('/inspector-notifications', director)).statusCode).toBe(403);
  });

  it('answers bad query strings with 400, and a position not reached within 5 s with 503 and Retry-After', async () => {
    for (const query of ['status=late', 'limit=0', 'limit=500', 'cursor=%2F%2F', 'colour=red', 'waitForPosition=-1']) {
      const response = await api.get(`/obligations?${query}`, director);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const late = await api.get(`/pupils/pupil-reads/file?waitForPosition=${Number.MAX_SAFE_INTEGER}`, director);
    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe('1');
  });
});
