import { publicKeyFileOf, verifyAuditBundle } from '@casebook/audit';
import { RETENTION_ACTOR } from '@casebook/incidents';
import { ReadModelCatalog, rebuildReadModels } from '@casebook/projections';
import { readFileSync } from 'node:fs';
import { waitUntil } from '@casebook/testing';
import { type ApiHarness, describeOnServerStore } from './support/api-harness';

const NAME = 'Jantje Zorgenkind';
const OTHER_NAME = 'Pietje Puk';
const SUMMARY = 'Jantje werd in de klasgroep uitgescholden door Pietje';
const LETTER = 'Brief aan de ouders van Jantje over het pesten';

/** Every table of every schema whose rows, as text, contain `needle` (case-insensitive): where plain text lives. */
async function tablesContaining(api: ApiHarness, needle: string): Promise<string[]> {
  const { sql } = api.runtime();
  const tables = await sql.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const table of tables) {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.schema}"."${table.name}" t WHERE t::text ILIKE $1`, [`%${needle}%`]);
    if (row!.n > 0) found.push(`${table.schema}.${table.name}`);
  }
  expect(tables.length).toBeGreaterThan(20); // the store, the read models, the key table: all searched
  return found;
}

// Issue #7, done when: after forget, no plaintext of the person's data anywhere in the database, read models and
// exports show the erased marker (rebuilds too), the audit export still verifies, commands on the case still work.
describeOnServerStore('forgetting a person (crypto-shredding)', (api) => {
  let director: string;
  let legal: string;
  let board: string;
  let incidentId: string;
  let lastPosition: number;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    legal = await api.token('legal-1', ['legal'], []);
    board = await api.token('board-1', ['board'], []);
    const report = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: SUMMARY,
        involved: [
          { personId: 'pupil-forget', personKind: 'pupil', role: 'victim', displayName: NAME },
          { personId: 'pupil-other', personKind: 'pupil', role: 'perpetrator', displayName: OTHER_NAME },
        ],
      },
      director,
    );
    expect(report.statusCode).toBe(201);
    incidentId = report.json().id;
    const letter = { direction: 'outgoing', counterpart: 'parent', channel: 'letter', occurredAt: '2026-11-04T16:00:00+01:00', summary: LETTER };
    expect((await api.post(`/incidents/${incidentId}/correspondence`, letter, director)).statusCode).toBe(201);
    lastPosition = (
      await api.post(`/incidents/${incidentId}/measures`, { subjectId: 'pupil-other', measure: 'warning', reason: 'Schold Jantje uit' }, director)
    ).json().position;
  });

  it('never stores the plain text: the case reads back in clear, the database holds only sealed texts', async () => {
    const view = (await api.get(`/incidents/${incidentId}`, director)).json();
    expect(view.summary).toBe(SUMMARY);
    expect(view.involved).toContainEqual(expect.objectContaining({ personId: 'pupil-forget', displayName: NAME }));
    const stored = (await api.runtime().eventStore.readStream(`pupil-incident-${incidentId}`))[0]!.data as { summary: string };
    expect(stored.summary).toMatch(/^enc:v1:pupil-forget\.[0-9a-f]{12}\+pupil-other\.[0-9a-f]{12}:/);
    await waitUntil(async () => (await api.get(`/pupils/pupil-other/file?waitForPosition=${lastPosition}`, director)).statusCode === 200, 'the pupil file');
    for (const needle of [NAME, SUMMARY, LETTER, 'Schold Jantje']) expect(await tablesContaining(api, needle)).toEqual([]);
  });

  it('after forget: [verwijderd] in the case, the pupil file (also after a rebuild) and the export, which still verifies', async () => {
    const erased = await api.post('/people/pupil-forget/erasure', { reason: 'Request of the parents (AVG art. 17)' }, legal);
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ personId: 'pupil-forget', erased: true, keyDeleted: true });

    const view = (await api.get(`/incidents/${incidentId}`, director)).json();
    expect(view.summary).toBe('[verwijderd]');
    expect(view.involved).toContainEqual(expect.objectContaining({ personId: 'pupil-forget', displayName: '[verwijderd]' }));
    // Pietje's own name is sealed to Pietje alone: still readable.
    expect(view.involved).toContainEqual(expect.objectContaining({ personId: 'pupil-other', displayName: OTHER_NAME }));
    expect((await api.get(`/incidents/${incidentId}`, director, { 'accept-language': 'en' })).json().summary).toBe('[erased]');

    const file = async () => (await api.get(`/pupils/pupil-other/file?waitForPosition=${erased.json().position}`, director)).json();
    expect((await file()).correspondence[0].summary).toBe('[verwijderd]');
    expect((await file()).measures[0].reason).toBe('[verwijderd]');
    if (api.runtime().config.database.kind === 'pglite') {
      // A rebuild replays the sealed events: the marker stays (on the server the worker would follow the switch).
      await rebuildReadModels(api.app().get(ReadModelCatalog), api.runtime().eventStore, ['pupil-file']);
      expect((await file()).correspondence[0].summary).toBe('[verwijderd]');
    }

    const bundle = (await api.get(`/incidents/${incidentId}/audit-export`, legal)).json();
    const publicKey = readFileSync(publicKeyFileOf(api.runtime().config.audit.keyFile), 'utf8');
    expect(verifyAuditBundle(bundle, publicKey)).toMatchObject({ ok: true });
    expect(bundle.events[0].clearData.summary).toBe('[verwijderd]');
    expect(bundle.events[0].data.summary).toMatch(/^enc:v1:/);

    for (const needle of [NAME, SUMMARY, LETTER]) expect(await tablesContaining(api, needle)).toEqual([]);
  });

  it('commands on the case still work after forget, and the erasure is on record', async () => {
    const evidence = await api.post(
      `/incidents/${incidentId}/evidence`,
      { description: 'Screenshot of the chat', sha256: 'b'.repeat(64), mediaType: 'image/png' },
      director,
    );
    expect(evidence.statusCode).toBe(201);
    const record = await api.runtime().eventStore.readStream('privacy-pupil-forget');
    expect(record.map((e) => [e.type, (e.data as { basis: string }).basis])).toEqual([['PersonDataErased', 'request']]);
    expect((await api.post('/people/pupil-forget/erasure', { reason: 'again' }, director)).statusCode).toBe(403);
  });

  it('refuses to erase anyone in a case under a legal hold until it is lifted (HOLD)', async () => {
    expect((await api.post(`/incidents/${incidentId}/legal-hold`, { reason: 'Court case' }, board)).statusCode).toBe(200);
    const refused = await api.post('/people/pupil-other/erasure', { reason: 'Request' }, legal);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: 'HOLD', cases: [incidentId] });
    expect((await api.get(`/incidents/${incidentId}`, director)).json().involved).toContainEqual(expect.objectContaining({ displayName: OTHER_NAME }));
    expect((await api.post(`/incidents/${incidentId}/legal-hold`, { reason: 'again' }, board)).json()).toMatchObject({ status: 409, rule: 'HOLD' });
    expect((await api.post(`/incidents/${incidentId}/legal-hold/lift`, { reason: 'Settled' }, director)).statusCode).toBe(403);
    expect((await api.post(`/incidents/${incidentId}/legal-hold/lift`, { reason: 'Settled' }, legal)).statusCode).toBe(200);
    expect((await api.post('/people/pupil-other/erasure', { reason: 'Request' }, legal)).statusCode).toBe(200);
  });
});

// Issue #7, done when: a retention test with a fixed clock erases exactly the people whose period has ended
// and skips those under legal hold.
describeOnServerStore('retention with a fixed clock', (api) => {
  const people = ['pupil-r-ended', 'pupil-r-recent', 'pupil-r-held', 'staff-r-serious', 'pupil-r-victim', 'staff-r-not-reported'];
  let director: string;
  let board: string;
  let hr: string;
  let heldCase: string;
  let holdPosition: number;

  const report = async (involved: { personId: string; personKind: string }[], token: string, type = 'pupil-incident') =>
    (
      await api.post(
        '/incidents',
        {
          type,
          schoolId: 'school-1',
          category: type === 'pupil-incident' ? 'cyberbullying' : 'decency-violated',
          occurredAt: '2020-03-03T10:30:00+01:00',
          summary: `Over ${involved.map((p) => p.personId).join(' en ')}`,
          involved: involved.map((p) => ({ ...p, role: 'perpetrator', displayName: `Naam van ${p.personId}` })),
        },
        token,
      )
    ).json().id as string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
    hr = await api.token('hr-1', ['hr'], []);
    await report([{ personId: 'pupil-r-ended', personKind: 'pupil' }], director);
    await report([{ personId: 'pupil-r-recent', personKind: 'pupil' }], director);
    heldCase = await report([{ personId: 'pupil-r-held', personKind: 'pupil' }], director);
    // Retention revision 2: the perpetrator of a case with a police report filed is kept 7 years, its victim not;
    // a case whose decision was `do-not-report` lengthens nothing.
    const staffCase = await report([{ personId: 'staff-r-serious', personKind: 'staff' }], director, 'staff-misconduct');
    expect(
      (
        await api.post(
          `/incidents/${staffCase}/involved`,
          { personId: 'pupil-r-victim', personKind: 'pupil', role: 'victim', displayName: 'Naam van het slachtoffer' },
          board,
        )
      ).statusCode,
    ).toBe(200);
    await api.post(`/incidents/${staffCase}/qualifications`, { qualification: 'dereliction-of-duty', rationale: 'Private contact' }, board);
    const reported = (await api.post('/criminal-report-decisions', { sourceIncidentId: staffCase, suspectedOffence: 'Threat' }, board)).json().id as string;
    expect((await api.post(`/criminal-report-decisions/${reported}/decision`, { decision: 'report', rationale: 'A threat' }, board)).statusCode).toBe(200);
    const filed = { filedAt: '2026-11-06T10:00:00+01:00', policeStation: 'Utrecht Overvecht', policeReference: 'PL0900-2026123456' };
    expect((await api.post(`/criminal-report-decisions/${reported}/police-report`, filed, board)).statusCode).toBe(200);
    const notReportedCase = await report([{ personId: 'staff-r-not-reported', personKind: 'staff' }], director, 'staff-misconduct');
    const notReported = (await api.post('/criminal-report-decisions', { sourceIncidentId: notReportedCase, suspectedOffence: 'Threat' }, board)).json()
      .id as string;
    expect(
      (await api.post(`/criminal-report-decisions/${notReported}/decision`, { decision: 'do-not-report', rationale: 'No offence' }, board)).statusCode,
    ).toBe(200);
    // Parents: from the last closing of a case they are in; one in a closed case, one in a case still open.
    const parentCase = (
      await api.post(
        '/incidents',
        {
          type: 'pupil-incident',
          schoolId: 'school-1',
          category: 'cyberbullying',
          occurredAt: '2020-03-03T10:30:00+01:00',
          summary: 'Ouder betrokken',
          involved: [
            { personId: 'pupil-r-child', personKind: 'pupil', role: 'victim', displayName: 'Kind' },
            { personId: 'parent-r-closed', personKind: 'parent', role: 'witness', displayName: 'Ouder' },
            { personId: 'parent-r-open', personKind: 'parent', role: 'witness', displayName: 'Ouder 2' },
          ],
        },
        director,
      )
    ).json().id as string;
    await api.post(`/incidents/${parentCase}/scope-assessment`, { inScope: false, rationale: 'Outside school' }, director);
    const closed = await api.post(`/incidents/${parentCase}/close`, { outcome: 'Handled' }, director);
    expect(closed.statusCode).toBe(200);
    await report([{ personId: 'parent-r-open', personKind: 'parent' }], director);
    for (const [personId, personKind, leftOn] of [
      ['pupil-r-ended', 'pupil', '2024-07-15'],
      ['pupil-r-recent', 'pupil', '2025-07-15'],
      ['pupil-r-held', 'pupil', '2023-07-15'],
      ['staff-r-serious', 'staff', '2023-07-15'],
      ['pupil-r-victim', 'pupil', '2023-07-15'],
      ['staff-r-not-reported', 'staff', '2023-07-15'],
    ] as const) {
      expect(
        (
          await api.post(
            `/people/${personId}/departure`,
            { personKind, leftOn, ...(personKind === 'pupil' ? { schoolId: 'school-1' } : {}) },
            personKind === 'pupil' ? director : hr,
          )
        ).statusCode,
      ).toBe(200);
    }
    const hold = await api.post(`/incidents/${heldCase}/legal-hold`, { reason: 'Court case' }, board);
    expect(hold.statusCode).toBe(200);
    holdPosition = hold.json().position as number;
  });

  it('on 2026-11-25 erases exactly the pupil who left more than two years ago, and skips the one under a legal hold', async () => {
    const catalog = api.app().get(ReadModelCatalog);
    const runtime = api.runtime();
    // The retention job as the background work runs it: through the write side, under the board's authority.
    const runRetention = (options: { today: string; policy: typeof policy; dryRun: boolean }) =>
      runtime.writeSide.privacy.runRetention(options, {
        context: { actor: RETENTION_ACTOR, now: new Date().toISOString() },
        meta: { correlationId: 'retention-test', causationId: null },
      });
    const policy = runtime.config.privacy.retention;
    // Wait for the register to hold the last write, the hold: on the server the store's head can still be below it
    // while an older transaction of the api's background work is open (the read watermark), so the head is no aim.
    await waitUntil(
      async () => (await catalog.position('privacy-register', await catalog.liveVersion('privacy-register'))) >= holdPosition,
      'the privacy register to hold the legal hold',
    );

    const dryRun = await runRetention({ today: '2026-11-25', policy, dryRun: true });
    // Retention revision 2: the victim of the police-reported case and the staff member of the do-not-report one
    // are due after 2 years; the perpetrator of the police-reported case is not.
    expect(dryRun.due.map((v) => v.personId).sort()).toEqual(['pupil-r-ended', 'pupil-r-victim', 'staff-r-not-reported']);
    const later = await runRetention({ today: '2030-07-14', policy, dryRun: true });
    expect(later.due.map((v) => v.personId).sort()).toEqual(['parent-r-closed', 'pupil-r-ended', 'pupil-r-recent', 'pupil-r-victim', 'staff-r-not-reported']);
    expect((await runRetention({ today: '2030-07-15', policy, dryRun: true })).due.map((v) => v.personId)).toContain('staff-r-serious');
    expect(dryRun.held.map((v) => [v.personId, v.heldCases])).toEqual([['pupil-r-held', [heldCase]]]);
    expect(dryRun.erased).toEqual([]);
    // The same over HTTP (board, legal): today's list is the dry run's (the real clock is after 2026-11-25 too).
    expect((await api.get('/privacy/retention', board)).json().due.map((v: { personId: string }) => v.personId)).toContain('pupil-r-ended');

    const run = await runRetention({ today: '2026-11-25', policy, dryRun: false });
    expect([...run.erased].sort()).toEqual(['pupil-r-ended', 'pupil-r-victim', 'staff-r-not-reported']);
    const keys = await runtime.sql.query<{ person_id: string }>('SELECT person_id FROM privacy_keys WHERE person_id = ANY ($1::text[]) ORDER BY 1', [people]);
    expect(keys.map((row) => row.person_id)).toEqual(['pupil-r-held', 'pupil-r-recent', 'staff-r-serious']);
    const erasures = await runtime.eventStore.readStream('privacy-pupil-r-ended');
    expect(erasures.at(-1)).toMatchObject({ type: 'PersonDataErased', data: { basis: 'retention', erasedBy: 'casebook-retention' } });
  });
});
