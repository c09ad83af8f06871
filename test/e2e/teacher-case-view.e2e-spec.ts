import { describeOnServerStore } from './support/api-harness';

// #31, item 6: a teacher reports and adds evidence (api.md "involved roles"); reading their own report they see what
// they wrote and where the case stands — not the file the director keeps (correspondence, measures and their reasons).
describeOnServerStore('a teacher reading the case they reported', (api) => {
  it('shows the report, their own evidence and the state; no correspondence, measures, reasons or obligations (#31)', async () => {
    const teacher = await api.token('teacher-7', ['teacher'], ['school-1']);
    const director = await api.token('director-7', ['director'], ['school-1']);
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'Berichten in de klassenapp',
        involved: [{ personId: 'pupil-71', personKind: 'pupil', role: 'perpetrator' }],
      },
      teacher,
    );
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id as string;
    const evidence = { description: 'Schermafdruk van de app', sha256: 'a'.repeat(64), mediaType: 'image/png' };
    expect((await api.post(`/incidents/${id}/evidence`, evidence, teacher)).statusCode).toBe(201);
    expect(
      (await api.post(`/incidents/${id}/evidence`, { ...evidence, description: 'Verklaring van de mentor', sha256: 'b'.repeat(64) }, director)).statusCode,
    ).toBe(201);
    expect((await api.post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'Schoolgerelateerd: klassenapp' }, director)).statusCode).toBe(200);
    const letter = {
      direction: 'outgoing',
      counterpart: 'parent',
      channel: 'letter',
      occurredAt: '2026-11-04T10:00:00+01:00',
      summary: 'Brief aan de ouders over de thuissituatie',
    };
    expect((await api.post(`/incidents/${id}/correspondence`, letter, director)).statusCode).toBe(201);
    expect(
      (await api.post(`/incidents/${id}/measures`, { subjectId: 'pupil-71', measure: 'warning', reason: 'Herhaald pesten, eerder gesprek' }, director))
        .statusCode,
    ).toBe(201);

    const asTeacher = (await api.get(`/incidents/${id}`, teacher)).json();
    expect(asTeacher).toMatchObject({ id, summary: 'Berichten in de klassenapp', status: 'open', scope: { inScope: true, rationale: '' } });
    expect(asTeacher.evidence.map((item: { description: string }) => item.description)).toEqual(['Schermafdruk van de app']);
    expect([asTeacher.correspondence, asTeacher.measures, asTeacher.hearings, asTeacher.obligations]).toEqual([[], [], [], []]);
    expect(JSON.stringify(asTeacher)).not.toMatch(/thuissituatie|eerder gesprek|Verklaring van de mentor/);

    // The director keeps the whole file.
    const asDirector = (await api.get(`/incidents/${id}`, director)).json();
    expect([asDirector.correspondence.length, asDirector.measures.length, asDirector.evidence.length]).toEqual([1, 1, 2]);
    expect(asDirector.measures[0]).toMatchObject({ reason: 'Herhaald pesten, eerder gesprek' });
    // A teacher who is also the school's director reads the file as its director.
    const both = await api.token('teacher-7', ['teacher', 'director'], ['school-1']);
    expect((await api.get(`/incidents/${id}`, both)).json().measures).toHaveLength(1);
  });
});
