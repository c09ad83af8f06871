import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publicKeyFileOf, verifyAuditBundle } from '@casebook/audit';
import { waitUntil } from '@casebook/testing';
import { auditCommand } from '../../apps/cli/src/audit.command';
import { describeOnServerStore } from './support/api-harness';

const run = promisify(execFile);

/** The independent verifier (tools/audit/verify_bundle.py, written from the README alone): exit code and output. */
async function independentVerdict(bundle: unknown, publicKeyFile: string, dir: string): Promise<{ code: number; out: string }> {
  const file = join(dir, `bundle-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  try {
    const { stdout } = await run('python3', ['tools/audit/verify_bundle.py', file, publicKeyFile]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? String(error) };
  }
}

// Issue #6 over HTTP: a case's audit export (JSON bundle and Dutch PDF), the access-log export, the CLI verifier,
// the access log of every export, and an export of events changed in the table behind the store's back.
describeOnServerStore('audit exports over HTTP', (api) => {
  let director: string;
  let board: string;
  let legal: string;
  let hr: string;
  let incidentId: string;
  let decisionId: string;
  let publicKey: string;
  let publicKeyFile: string;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'casebook-audit-e2e-'));
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
    legal = await api.token('legal-1', ['legal'], []);
    hr = await api.token('hr-1', ['hr'], []);
    const report = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Threatening messages in the class chat',
        involved: [{ personId: 'pupil-audit', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    incidentId = report.json().id;
    await api.post(`/incidents/${incidentId}/scope-assessment`, { inScope: true, rationale: 'School chat, school hours' }, director);
    await api.post(`/incidents/${incidentId}/evidence`, { description: 'Screenshot', sha256: 'a'.repeat(64), mediaType: 'image/png' }, director);
    decisionId = (await api.post('/criminal-report-decisions', { sourceIncidentId: incidentId, suspectedOffence: 'Threat (Sr 285)' }, director)).json().id;
    await api.post(`/criminal-report-decisions/${decisionId}/decision`, { decision: 'report', rationale: 'A punishable threat' }, board);
    publicKeyFile = publicKeyFileOf(api.runtime().config.audit.keyFile);
    publicKey = readFileSync(publicKeyFile, 'utf8');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives legal and the board a signed bundle of the case and its decision that verifies with the public key alone', async () => {
    for (const token of [legal, board]) {
      const response = await api.get(`/incidents/${incidentId}/audit-export`, token);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="casebook-audit-${incidentId}.json"`);
      const bundle = response.json();
      expect(response.headers['x-manifest-hash']).toBe(bundle.manifestHash);
      expect(bundle.manifest).toMatchObject({
        scope: { kind: 'incident', incidentId },
        exportedBy: { actorId: token === legal ? 'legal-1' : 'board-1' },
        software: { name: 'casebook' },
        streams: [{ streamId: `pupil-incident-${incidentId}` }, { streamId: `criminal-report-${decisionId}` }],
      });
      expect(bundle.events.map((event: { type: string }) => event.type)).toEqual(
        expect.arrayContaining([
          'IncidentReported',
          'ScopeAssessed',
          'EvidenceAdded',
          'CriminalReportDecisionLinked',
          'CriminalReportDecisionOpened',
          'CriminalReportDecided',
        ]),
      );
      expect(verifyAuditBundle(bundle, publicKey)).toMatchObject({ ok: true, eventCount: bundle.events.length, trustedKey: true });
      expect(await independentVerdict(bundle, publicKeyFile, work)).toEqual({ code: 0, out: expect.stringMatching(/^OK: /) });
    }
  });

  it('refuses other roles (403) and unknown cases (404); every export, refused or not, is in the access log', async () => {
    for (const token of [director, hr]) {
      const refused = await api.get(`/incidents/${incidentId}/audit-export`, token);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await api.get('/incidents/00000000-0000-4000-8000-00000000dead/audit-export', legal)).statusCode).toBe(404);
    // Without the role, an unknown case is refused like a known one: whether it exists is not disclosed.
    expect((await api.get('/incidents/00000000-0000-4000-8000-00000000dead/audit-export', director)).statusCode).toBe(403);
    expect((await api.get('/incidents/not-a-uuid/audit-export', legal)).statusCode).toBe(400);
    expect((await api.get(`/incidents/${incidentId}/audit-export?format=xml`, legal)).statusCode).toBe(400);
    let entries: { actorId: string; resource: string; outcome: string }[] = [];
    await waitUntil(async () => {
      entries = (await api.get('/access-log?subjectId=pupil-audit&limit=200', legal)).json().items;
      return entries.filter((entry) => entry.resource === 'audit-export').length >= 4;
    }, 'the exports in the access log');
    const exports = entries.filter((entry) => entry.resource === 'audit-export');
    expect(exports).toContainEqual(expect.objectContaining({ actorId: 'legal-1', outcome: 'granted' }));
    expect(exports).toContainEqual(expect.objectContaining({ actorId: 'board-1', outcome: 'granted' }));
    expect(exports).toContainEqual(expect.objectContaining({ actorId: 'staff-dir-1', outcome: 'refused' }));
    expect(exports).toContainEqual(expect.objectContaining({ actorId: 'hr-1', outcome: 'refused' }));
  });

  it('prints the Dutch timeline as PDF with the case id and the manifest hash on its first page (rendered to PNG)', async () => {
    const response = await api.get(`/incidents/${incidentId}/audit-export`, legal, { accept: 'application/pdf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const manifestHash = String(response.headers['x-manifest-hash']);
    expect(manifestHash).toMatch(/^[0-9a-f]{64}$/);
    const pdf = join(work, 'export.pdf');
    const png = join(work, 'page-1.png');
    writeFileSync(pdf, response.rawPayload);
    const { stdout } = await run(process.execPath, ['tools/audit/pdf-first-page.mjs', pdf, png]);
    const page = JSON.parse(stdout) as { text: string; inkedPixels: number; pngBytes: number; width: number };
    expect(page.width).toBeGreaterThan(1000);
    expect(page.inkedPixels).toBeGreaterThan(10_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toContain(incidentId);
    expect(text).toContain(manifestHash);
    expect(text).toContain('Incident gemeld');
    expect(text).toContain('Besloten: aangifte doen');
  });

  it('exports the access log of a person, and of an actor, as verifying bundles: legal only', async () => {
    await api.get(`/incidents/${incidentId}`, director);
    let bundle: { events: { type: string; data: { subjectIds: string[]; actorId: string } }[] } = { events: [] };
    await waitUntil(async () => {
      bundle = (await api.get('/access-log/audit-export?subjectId=pupil-audit', legal)).json();
      return bundle.events.some((event) => event.data.actorId === 'staff-dir-1');
    }, 'the case read in the access-log export');
    expect(bundle.events.every((event) => event.type === 'DossierRead' && event.data.subjectIds.includes('pupil-audit'))).toBe(true);
    expect(verifyAuditBundle(bundle, publicKey)).toMatchObject({ ok: true });

    const byActor = await api.get('/access-log/audit-export?actorId=hr-1', legal);
    expect(byActor.statusCode).toBe(200);
    expect(byActor.json().manifest.scope).toEqual({ kind: 'access-log', subjectId: null, actorId: 'hr-1', from: null, to: null });
    expect(byActor.json().events.every((event: { data: { actorId: string } }) => event.data.actorId === 'hr-1')).toBe(true);
    expect(verifyAuditBundle(byActor.json(), publicKey)).toMatchObject({ ok: true });
    expect(await independentVerdict(byActor.json(), publicKeyFile, work)).toEqual({ code: 0, out: expect.stringMatching(/^OK: /) });

    expect((await api.get('/access-log/audit-export?subjectId=pupil-audit', board)).statusCode).toBe(403);
    const unnamed = await api.get('/access-log/audit-export', legal);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().detail).toContain('subjectId');
  });

  it('the CLI verifier prints OK for the file, and names the event when one byte of it changed', async () => {
    const bundle = (await api.get(`/incidents/${incidentId}/audit-export`, legal)).json();
    const keyFile = join(work, 'public.pem');
    writeFileSync(keyFile, publicKey);
    const good = join(work, 'bundle.json');
    writeFileSync(good, JSON.stringify(bundle, null, 2));
    const lines: string[] = [];
    expect(await auditCommand(['verify', good, '--public-key', keyFile], api.runtime().config, (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^OK: \d+ events in 2 streams/);

    const text = readFileSync(good, 'utf8');
    const bad = join(work, 'tampered.json');
    writeFileSync(bad, text.replace('"category": "cyberbullying"', '"category": "cyberbullyinh"'));
    lines.length = 0;
    expect(await auditCommand(['verify', bad, '--public-key', keyFile], api.runtime().config, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toMatch(/^FAILED: event 0 \(stream pupil-incident-.*revision 0.*does not match its hash/);
    // The independent verifier reaches the same verdicts.
    expect(await independentVerdict(bundle, keyFile, work)).toEqual({ code: 0, out: expect.stringMatching(/^OK: /) });
    expect(await independentVerdict(JSON.parse(readFileSync(bad, 'utf8')), keyFile, work)).toEqual({
      code: 1,
      out: expect.stringMatching(/^FAILED: event 0 .*does not match its hash/),
    });
    const edited = { ...bundle, manifest: { ...bundle.manifest, exportedBy: { actorId: 'someone-else', roles: ['legal'] } } };
    expect((await independentVerdict(edited, keyFile, work)).out).toMatch(/^FAILED: manifestHash/);
    expect((await independentVerdict({ ...edited, manifestHash: undefined }, keyFile, work)).out).toMatch(/^FAILED: (manifestHash|signature)/);
  });

  it('an export made after a row was changed in the table names that event', async () => {
    const before = (await api.get(`/incidents/${incidentId}/audit-export`, legal)).json();
    const evidence = before.events.find((event: { type: string }) => event.type === 'EvidenceAdded');
    const { sql } = api.runtime();
    await sql.query('ALTER TABLE es_events DISABLE TRIGGER es_events_no_update');
    try {
      await sql.query(`UPDATE es_events SET data = jsonb_set(data, '{mediaType}', '"image/jpeg"') WHERE global_position = $1`, [evidence.position]);
    } finally {
      await sql.query('ALTER TABLE es_events ENABLE TRIGGER es_events_no_update');
    }
    const after = (await api.get(`/incidents/${incidentId}/audit-export`, legal)).json();
    const index = after.events.findIndex((event: { position: number }) => event.position === evidence.position);
    expect(verifyAuditBundle(after, publicKey)).toMatchObject({
      ok: false,
      where: expect.stringMatching(new RegExp(`^event ${index} .*position ${evidence.position}\\)$`)),
    });
    expect((await independentVerdict(after, publicKeyFile, work)).out).toMatch(new RegExp(`^FAILED: event ${index} `));
  });
});
