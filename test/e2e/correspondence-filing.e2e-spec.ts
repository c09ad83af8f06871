import { describeOnServerStore } from './support/api-harness';

// F2 (domain.md revision 2): correspondence is kept in the file of the pupil(s) it concerns — by default the
// perpetrators — so a victim's pupil file (what a parent's access request shows) holds no letter about another child.
describeOnServerStore('correspondence in the pupil file of the pupil it concerns (F2)', (api) => {
  let director: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
  });

  it("files a letter in the perpetrator's file only, or in the files it names; refuses a pupil not involved, nothing appended", async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'Messages',
        involved: [
          { personId: 'pupil-f2-victim', personKind: 'pupil', role: 'victim' },
          { personId: 'pupil-f2-bully', personKind: 'pupil', role: 'perpetrator' },
        ],
      },
      director,
    );
    const id = reported.json().id as string;
    const letter = {
      direction: 'outgoing',
      counterpart: 'parent',
      channel: 'letter',
      occurredAt: '2026-11-04T16:00:00+01:00',
      summary: 'Letter about the suspension of your child',
    };
    const toBully = await api.post(`/incidents/${id}/correspondence`, letter, director);
    expect(toBully.statusCode).toBe(201);
    const toVictim = await api.post(
      `/incidents/${id}/correspondence`,
      { ...letter, summary: "Letter to the victim's parents", concerningPupilIds: ['pupil-f2-victim'] },
      director,
    );
    expect(toVictim.statusCode).toBe(201);

    const position = toVictim.json().position as number;
    const file = async (pupilId: string) =>
      (await api.get(`/pupils/${pupilId}/file?waitForPosition=${position}`, director)).json() as { correspondence: { correspondenceId: string }[] };
    expect((await file('pupil-f2-bully')).correspondence.map((c) => c.correspondenceId)).toEqual([toBully.json().id]);
    expect((await file('pupil-f2-victim')).correspondence.map((c) => c.correspondenceId)).toEqual([toVictim.json().id]);

    for (const [concerningPupilIds, status] of [
      [['pupil-elsewhere'], 409],
      [[], 409],
      [['not an id'], 400],
      ['pupil-f2-bully', 400],
    ] as const) {
      const before = await api.eventCount();
      const refused = await api.post(`/incidents/${id}/correspondence`, { ...letter, concerningPupilIds }, director);
      expect(refused.statusCode).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      if (status === 409) expect(refused.json()).toMatchObject({ rule: 'F2' });
      expect(await api.eventCount()).toBe(before);
    }
  });
});
