import { waitUntil } from '@casebook/testing';
import { describeOnServerStore } from './support/api-harness';

// CI1 (domain.md revision 2, api.md "Changed answers"): a case, timeline or export the caller is involved in answers
// 403, logged as a refused read; commands on it are refused too — a director who is the subject of a staff case
// neither reads it nor adds evidence. A reporter who is not the perpetrator still reads their own report.
describeOnServerStore('conflict of interest (CI1)', (api) => {
  let board: string;
  let legal: string;
  let subject: string;

  beforeAll(async () => {
    board = await api.token('board-1', ['board'], []);
    legal = await api.token('legal-1', ['legal'], []);
    subject = await api.token('staff-dir-ci1', ['director'], ['school-1']);
  });

  it('refuses the director a staff case is about: no case, no timeline, no evidence — and logs the refused reads (CI1)', async () => {
    const reported = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'decency-violated',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'The director insulted a teacher online',
        involved: [{ personId: 'staff-dir-ci1', personKind: 'staff', role: 'perpetrator' }],
      },
      board,
    );
    expect(reported.statusCode).toBe(201);
    const { id, position } = reported.json() as { id: string; position: number };
    expect((await api.get(`/incidents/${id}`, board)).statusCode).toBe(200);

    const read = await api.get(`/incidents/${id}`, subject);
    expect(read.statusCode).toBe(403);
    expect(read.json()).toMatchObject({ rule: 'CI1' });
    expect((await api.get(`/incidents/${id}/timeline?waitForPosition=${position}`, subject)).json()).toMatchObject({ status: 403, rule: 'CI1' });
    const before = await api.eventCount();
    const evidence = await api.post(`/incidents/${id}/evidence`, { description: 'My side', sha256: 'a'.repeat(64), mediaType: 'image/png' }, subject);
    expect(evidence.json()).toMatchObject({ status: 403, rule: 'CI1' });
    expect(await api.eventCount()).toBe(before);

    // Both refused reads are in the access log, under the director's name and the case.
    const log = async () =>
      (await api.get(`/access-log?actorId=staff-dir-ci1`, legal)).json().items as { resourceId: string; outcome: string; resource: string }[];
    // The log is a read model: wait for the two entries to be projected (the state itself, not a time).
    const refusedReads = async () => (await log()).filter((entry) => entry.resourceId === id && entry.outcome === 'refused');
    await waitUntil(async () => (await refusedReads()).length >= 2, 'the two refused reads in the access log');
    expect((await refusedReads()).map((entry) => entry.resource).sort()).toEqual(['incident', 'incident-timeline']);
  });

  it('lets a teacher who reported a case as its witness read it, and the board member who witnessed it not (CI1)', async () => {
    const teacher = await api.token('staff-t-ci1', ['teacher'], ['school-1']);
    const witnessBoard = await api.token('board-ci1', ['board'], []);
    const reported = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Messages in the class chat',
        involved: [
          { personId: 'pupil-ci1', personKind: 'pupil', role: 'perpetrator' },
          { personId: 'staff-t-ci1', personKind: 'staff', role: 'witness' },
          { personId: 'board-ci1', personKind: 'staff', role: 'witness' },
        ],
      },
      teacher,
    );
    const { id } = reported.json() as { id: string };
    expect((await api.get(`/incidents/${id}`, teacher)).statusCode).toBe(200);
    expect((await api.get(`/incidents/${id}`, witnessBoard)).json()).toMatchObject({ status: 403, rule: 'CI1' });
    expect((await api.post(`/incidents/${id}/scope-assessment`, { inScope: true, rationale: 'School chat' }, witnessBoard)).json()).toMatchObject({
      status: 403,
      rule: 'CI1',
    });
  });

  it('refuses a file holding a case the reader is involved in: HR its own personnel file, a parent-director the pupil file (CI1, #32)', async () => {
    const hrSubject = await api.token('hr-ci1', ['hr'], []);
    const otherHr = await api.token('hr-ci1-other', ['hr'], []);
    const staffCase = await api.post(
      '/incidents',
      {
        type: 'staff-misconduct',
        schoolId: 'school-1',
        category: 'confidential-information-published',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Personeelsgegevens gedeeld',
        involved: [{ personId: 'hr-ci1', personKind: 'staff', role: 'perpetrator' }],
      },
      board,
    );
    const { id: staffCaseId, position: reportedAt } = staffCase.json() as { id: string; position: number };
    const qualified = await api.post(`/incidents/${staffCaseId}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Gedeeld' }, board);
    const at = qualified.json().position as number;
    expect((await api.get(`/incidents/${staffCaseId}`, hrSubject)).json()).toMatchObject({ status: 403, rule: 'CI1' });
    const own = await api.get(`/staff/hr-ci1/personnel-file?waitForPosition=${Math.max(at, reportedAt)}`, hrSubject);
    expect([own.statusCode, own.json().rule]).toEqual([403, 'CI1']);
    expect(own.body).not.toContain('Gedeeld');
    expect((await api.get(`/staff/hr-ci1/personnel-file?waitForPosition=${at}`, otherHr)).statusCode).toBe(200);

    // A director who is a parent, a witness in a pupil case of their own school: not that pupil's file.
    const pupilCase = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-02T21:00:00+01:00',
        summary: 'Berichten',
        involved: [
          { personId: 'pupil-ci1-file', personKind: 'pupil', role: 'perpetrator' },
          { personId: 'staff-dir-ci1', personKind: 'parent', role: 'witness' },
        ],
      },
      board,
    );
    const pupilAt = pupilCase.json().position as number;
    const file = await api.get(`/pupils/pupil-ci1-file/file?waitForPosition=${pupilAt}`, subject);
    expect([file.statusCode, file.json().rule]).toEqual([403, 'CI1']);
    expect((await api.get(`/pupils/pupil-ci1-file/file?waitForPosition=${pupilAt}`, board)).statusCode).toBe(200);

    // Both refused, in the access log.
    const refused = async (actorId: string, resource: string) =>
      ((await api.get(`/access-log?actorId=${actorId}`, legal)).json().items as { resource: string; outcome: string }[]).filter(
        (entry) => entry.resource === resource && entry.outcome === 'refused',
      );
    await waitUntil(async () => (await refused('hr-ci1', 'personnel-file')).length >= 1, 'the refused personnel-file read in the access log');
    await waitUntil(async () => (await refused('staff-dir-ci1', 'pupil-file')).length >= 1, 'the refused pupil-file read in the access log');
  });
});
