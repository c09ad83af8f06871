import { waitUntil } from '@casebook/testing';
import { describeOnServerStore } from './support/api-harness';

interface Entry {
  readonly actorId: string;
  readonly resource: string;
  readonly resourceId: string;
  readonly subjectIds: readonly string[];
  readonly outcome: string;
}

// Issue #15, defect 2: `GET /incidents/{id}/timeline` was logged with `subjectIds: []`, so "who read about me"
// (`GET /access-log?subjectId=`) missed every timeline read. Every dossier read names the people whose data it
// showed — granted, refused and not-found alike — whichever endpoint it was.
describeOnServerStore('the access log names the subjects of every dossier read', (api) => {
  let director: string;
  let otherDirector: string;
  let board: string;
  let hr: string;
  let legal: string;
  let pupilCase: string;
  let staffCase: string;
  let position: number;

  const logOf = async (subjectId: string): Promise<Entry[]> => (await api.get(`/access-log?subjectId=${subjectId}&limit=200`, legal)).json().items;
  const hasEntry = async (subjectId: string, match: Partial<Entry>) => {
    let entries: Entry[] = [];
    await waitUntil(
      async () => {
        entries = await logOf(subjectId);
        return entries.some((entry) => Object.entries(match).every(([key, value]) => entry[key as keyof Entry] === value));
      },
      `an access-log entry of ${subjectId} like ${JSON.stringify(match)}`,
    );
  };

  beforeAll(async () => {
    director = await api.token('dir-subjects', ['director']);
    otherDirector = await api.token('dir-subjects-9', ['director'], ['school-9']);
    board = await api.token('board-subjects', ['board'], []);
    hr = await api.token('hr-subjects', ['hr'], []);
    legal = await api.token('legal-subjects', ['legal'], []);
    const pupil = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Uitgescholden in de klasgroep',
        involved: [
          { personId: 'pupil-subj-victim', personKind: 'pupil', role: 'victim' },
          { personId: 'pupil-subj-bully', personKind: 'pupil', role: 'perpetrator' },
        ],
      },
      director,
    );
    pupilCase = pupil.json().id;
    const staff = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'private-contact-with-pupil',
        occurredAt: '2026-11-02T20:00:00+01:00',
        summary: 'Vriendschapsverzoek',
        involved: [{ personId: 'staff-subj', personKind: 'staff', role: 'perpetrator' }],
      },
      board,
    );
    staffCase = staff.json().id;
    position = staff.json().position;
  });

  it('names the people of the case in a granted timeline read (it named nobody before)', async () => {
    expect((await api.get(`/incidents/${pupilCase}/timeline?waitForPosition=${position}`, director)).statusCode).toBe(200);
    for (const subject of ['pupil-subj-victim', 'pupil-subj-bully']) {
      await hasEntry(subject, { actorId: 'dir-subjects', resource: 'incident-timeline', resourceId: pupilCase, outcome: 'granted' });
    }
    const entry = (await logOf('pupil-subj-victim')).find((e) => e.resource === 'incident-timeline')!;
    expect([...entry.subjectIds].sort()).toEqual(['pupil-subj-bully', 'pupil-subj-victim']);
  });

  it('names them in a refused timeline read too (a director of another school, HR on a pupil case)', async () => {
    expect((await api.get(`/incidents/${pupilCase}/timeline?waitForPosition=${position}`, otherDirector)).statusCode).toBe(403);
    expect((await api.get(`/incidents/${pupilCase}/timeline`, hr)).statusCode).toBe(403);
    await hasEntry('pupil-subj-victim', { actorId: 'dir-subjects-9', resource: 'incident-timeline', outcome: 'refused' });
    await hasEntry('pupil-subj-victim', { actorId: 'hr-subjects', resource: 'incident-timeline', outcome: 'refused' });
  });

  it('names the staff member of a staff case in its timeline, case and export reads', async () => {
    expect((await api.get(`/incidents/${staffCase}/timeline?waitForPosition=${position}`, hr)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${staffCase}`, hr)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${staffCase}/audit-export`, legal)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${staffCase}/audit-export`, hr)).statusCode).toBe(403);
    await hasEntry('staff-subj', { actorId: 'hr-subjects', resource: 'incident-timeline', outcome: 'granted' });
    await hasEntry('staff-subj', { actorId: 'hr-subjects', resource: 'incident', outcome: 'granted' });
    await hasEntry('staff-subj', { actorId: 'legal-subjects', resource: 'audit-export', outcome: 'granted' });
    await hasEntry('staff-subj', { actorId: 'hr-subjects', resource: 'audit-export', outcome: 'refused' });
  });

  it('names the person of a file read, granted or refused', async () => {
    expect((await api.get(`/pupils/pupil-subj-bully/file?waitForPosition=${position}`, otherDirector)).statusCode).toBe(403);
    expect((await api.get(`/staff/staff-subj/personnel-file?waitForPosition=${position}`, hr)).statusCode).toBe(200);
    expect((await api.get(`/staff/staff-subj/personnel-file`, director)).statusCode).toBe(403);
    await hasEntry('pupil-subj-bully', { actorId: 'dir-subjects-9', resource: 'pupil-file', outcome: 'refused' });
    await hasEntry('staff-subj', { actorId: 'hr-subjects', resource: 'personnel-file', outcome: 'granted' });
    await hasEntry('staff-subj', { actorId: 'dir-subjects', resource: 'personnel-file', outcome: 'refused' });
  });
});
