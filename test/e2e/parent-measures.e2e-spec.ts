import { describeOnServerStore } from './support/api-harness';

// P7 (domain.md revision 2; api.md "Measures gain … the parent measures of P7"): a warning or a school-access ban for
// a parent who is the case's perpetrator, told to the parent in writing; it is in no pupil's file.
describeOnServerStore('measures against a parent over HTTP (P7)', (api) => {
  it('bans a parent from the school until a set day, refuses it for a pupil or without an end, nothing appended', async () => {
    const director = await api.token('staff-dir-1', ['director']);
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'other',
        occurredAt: '2026-11-02T08:30:00+01:00',
        summary: 'A parent threatened a teacher in the school yard',
        involved: [
          { personId: 'pupil-p7', personKind: 'pupil', role: 'victim' },
          { personId: 'parent-p7', personKind: 'parent', role: 'perpetrator' },
        ],
      },
      director,
    );
    const id = reported.json().id as string;
    for (const [body, status] of [
      [{ subjectId: 'parent-p7', measure: 'school-access-ban', reason: 'Threats' }, 409],
      [{ subjectId: 'pupil-p7', measure: 'school-access-ban', reason: 'Threats', endsOn: '2099-12-18' }, 409],
      [{ subjectId: 'parent-p7', measure: 'suspension', reason: 'Threats', startsOn: '2026-11-09', endsOn: '2026-11-09' }, 409],
      [{ subjectId: 'parent-p7', measure: 'school-access-ban', reason: 'Threats', endsOn: '18-12-2099' }, 400],
    ] as const) {
      const before = await api.eventCount();
      const refused = await api.post(`/incidents/${id}/measures`, body, director);
      expect(refused.statusCode).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(await api.eventCount()).toBe(before);
    }
    const ban = await api.post(
      `/incidents/${id}/measures`,
      { subjectId: 'parent-p7', measure: 'school-access-ban', reason: 'Threats', endsOn: '2099-12-18' },
      director,
    );
    expect(ban.statusCode).toBe(201);
    expect(
      (
        await api.post(`/incidents/${id}/parent-notifications`, { regarding: ban.json().id, channel: 'phone', informedAt: new Date().toISOString() }, director)
      ).json(),
    ).toMatchObject({ status: 409, rule: 'P7' });
    const letter = await api.post(
      `/incidents/${id}/parent-notifications`,
      { regarding: ban.json().id, channel: 'letter', informedAt: new Date().toISOString() },
      director,
    );
    expect(letter.statusCode).toBe(200);
    const file = (await api.get(`/pupils/pupil-p7/file?waitForPosition=${letter.json().position}`, director)).json();
    expect(file.measures ?? []).toEqual([]);
    const timeline = (await api.get(`/incidents/${id}/timeline?waitForPosition=${letter.json().position}`, director)).json().items as { text: string }[];
    expect(timeline.map((line) => line.text)).toContain('Maatregel opgelegd: toegangsverbod tot de school tot en met 18 december 2099, door directeur');
  });
});
