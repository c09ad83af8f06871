import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, PostgresEventStore, contentHashOf, eventHashOf, streamIds } from '@casebook/event-store';
import { PgSqlClient, PgliteSqlClient, type SqlClient, createLogger, createScratchDatabase } from '@casebook/platform';
import { IDS, writeScriptedHistory } from '@casebook/projections/testing';
import { testEvent } from '@casebook/event-store/testing';
import { describeWithService } from '@casebook/testing';
import type { AuditBundle } from './bundle/audit-bundle';
import { AuditExporter } from './export/audit-exporter';
import { caseExportStreams } from './export/case-export-streams';
import { GlobalChain } from './global-chain/global-chain';
import { GlobalChainSealer } from './global-chain/global-chain-sealer';
import { AuditSigningKey } from './signing/audit-signing-key';
import { verifyAuditBundle } from './verify/verify-audit-bundle';
import { verifyStore } from './verify/verify-store';

// Issue #6, done when: an untouched export verifies; one changed byte, a removed event, two reordered events, an
// edited manifest each fail naming the event or field; and so does an export of events changed in the table.
describe('audit export and verifier (PGlite)', () => describeAuditExport(async () => ({ sql: await PgliteSqlClient.open(), drop: async () => undefined })));
describeWithService('postgres', 'audit export and verifier on the PostgreSQL server', (serverUrl) =>
  describeAuditExport(async () => {
    const database = await createScratchDatabase(serverUrl, 'audit');
    return { sql: new PgSqlClient({ connectionString: database.url, poolSize: 4 }), drop: () => database.drop() };
  }),
);

const clone = (bundle: AuditBundle): AuditBundle & { events: Record<string, unknown>[]; manifest: Record<string, unknown> } =>
  JSON.parse(JSON.stringify(bundle));

/** Changes one character of the first string found in `value` (depth first), in place. */
function changeOneByte(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item, index) => (typeof item === 'string' ? ((value[index] = flip(item)), true) : changeOneByte(item)));
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.keys(record).some((key) =>
      typeof record[key] === 'string' ? ((record[key] = flip(record[key] as string)), true) : changeOneByte(record[key]),
    );
  }
  return false;
}
const flip = (text: string): string => (text.length ? text.slice(0, -1) + (text.endsWith('a') ? 'b' : 'a') : 'a');

function describeAuditExport(open: () => Promise<{ sql: SqlClient; drop: () => Promise<void> }>): void {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  let store: EventStore;
  let chain: GlobalChain;
  let exporter: AuditExporter;
  let key: AuditSigningKey;
  let publicKey: string;
  let keyDir: string;
  const by = { actorId: 'legal-1', roles: ['legal'] };

  const exportCase = async (): Promise<AuditBundle> => {
    const caseStream = streamIds.case('pupil-incident', IDS.pupilCase);
    const streams = caseExportStreams(caseStream, await store.readStream(caseStream));
    return exporter.export(streams, { kind: 'incident', incidentId: IDS.pupilCase }, by);
  };

  beforeAll(async () => {
    ({ sql, drop } = await open());
    store = await PostgresEventStore.open(sql);
    await writeScriptedHistory(store);
    chain = await GlobalChain.open(sql);
    keyDir = mkdtempSync(join(tmpdir(), 'casebook-audit-key-'));
    key = AuditSigningKey.load(undefined, join(keyDir, 'audit-signing-key.pem')).key;
    publicKey = key.publicKeyPem;
    const sealer = new GlobalChainSealer(chain, store, createLogger('silent'), { pollIntervalMs: 50 });
    exporter = new AuditExporter({ store, chain, sealer, key, softwareVersion: 'test' });
  });
  afterAll(async () => {
    await store?.close();
    await sql?.close();
    await drop?.();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('exports the case with its linked criminal-report decision, and the untouched bundle verifies with the public key', async () => {
    const bundle = await exportCase();
    expect(bundle.manifest.streams.map((stream) => stream.streamId)).toEqual([
      streamIds.case('pupil-incident', IDS.pupilCase),
      streamIds.criminalReport(IDS.decision),
    ]);
    expect(bundle.manifest.eventCount).toBe(bundle.events.length);
    expect(bundle.events.length).toBeGreaterThan(5);
    expect(verifyAuditBundle(bundle, publicKey)).toEqual({
      ok: true,
      eventCount: bundle.events.length,
      streamCount: 2,
      manifestHash: bundle.manifestHash,
      keyId: key.keyId,
      trustedKey: true,
    });
    // Survives the trip through a file: JSON text in, the same verdict out.
    expect(verifyAuditBundle(JSON.parse(JSON.stringify(bundle)), publicKey).ok).toBe(true);
  });

  it('names the event when one byte of any event’s data is changed', async () => {
    const bundle = await exportCase();
    for (const index of bundle.events.keys()) {
      const tampered = clone(bundle);
      expect(changeOneByte(tampered.events[index]!['data'])).toBe(true);
      const result = verifyAuditBundle(tampered, publicKey);
      expect(result).toMatchObject({
        ok: false,
        where: expect.stringMatching(new RegExp(`^event ${index} `)),
        reason: expect.stringContaining('does not match its hash'),
      });
    }
  });

  it('names the event or the manifest field when an event is removed', async () => {
    const bundle = await exportCase();
    const caseStream = bundle.manifest.streams[0]!.streamId;
    const caseEvents = bundle.events.flatMap((event, index) => (event.streamId === caseStream ? [index] : []));
    // From the middle of a stream: the next event no longer follows its predecessor.
    const middle = caseEvents[2]!;
    const withoutMiddle = clone(bundle);
    withoutMiddle.events.splice(middle, 1);
    expect(verifyAuditBundle(withoutMiddle, publicKey)).toMatchObject({
      ok: false,
      where: expect.stringMatching(new RegExp(`^event ${middle} `)),
      reason: expect.stringContaining('removed'),
    });
    // The last of a stream: the chain still holds, the manifest's head and count do not.
    const withoutLast = clone(bundle);
    withoutLast.events.splice(caseEvents.at(-1)!, 1);
    expect(verifyAuditBundle(withoutLast, publicKey)).toMatchObject({ ok: false, where: `manifest.eventCount` });
    // ... also when the count is edited to match: then the stream's head is named.
    (withoutLast.manifest as { eventCount: number }).eventCount -= 1;
    (withoutLast.manifest as { lastPosition: number | null }).lastPosition = (withoutLast.events.at(-1) as { position: number }).position;
    expect(verifyAuditBundle(withoutLast, publicKey)).toMatchObject({ ok: false, where: `manifest.streams[${caseStream}].eventCount` });
  });

  it('names the event when two events are reordered', async () => {
    const bundle = await exportCase();
    for (const index of [0, 3, bundle.events.length - 2]) {
      const tampered = clone(bundle);
      const [first, second] = [tampered.events[index]!, tampered.events[index + 1]!];
      tampered.events[index] = second;
      tampered.events[index + 1] = first;
      // Either event may be named first: the one now too early for its stream, or the one now out of global order.
      expect(verifyAuditBundle(tampered, publicKey)).toMatchObject({
        ok: false,
        where: expect.stringMatching(new RegExp(`^event (${index}|${index + 1}) `)),
        reason: expect.stringMatching(/reordered|out of order/),
      });
    }
    // Reordered and renumbered to look in order: the chain no longer links.
    const renumbered = clone(bundle);
    const caseStream = bundle.manifest.streams[0]!.streamId;
    const [a, b] = renumbered.events.flatMap((event, index) => (event['streamId'] === caseStream ? [index] : [])) as [number, number];
    const [dataA, dataB] = [renumbered.events[a]!['data'], renumbered.events[b]!['data']];
    Object.assign(renumbered.events[a]!, { data: dataB });
    Object.assign(renumbered.events[b]!, { data: dataA });
    expect(verifyAuditBundle(renumbered, publicKey)).toMatchObject({ ok: false, where: expect.stringMatching(new RegExp(`^event ${a} `)) });
  });

  it('names the manifest field when the manifest is edited, and the signature when only a signer could tell', async () => {
    const bundle = await exportCase();
    const edits: [string, (manifest: Record<string, unknown>) => void, string][] = [
      ['eventCount', (m) => (m['eventCount'] = (m['eventCount'] as number) + 1), 'manifest.eventCount'],
      ['firstPosition', (m) => (m['firstPosition'] = 1), 'manifest.firstPosition'],
      ['eventsHash', (m) => (m['eventsHash'] = 'f'.repeat(64)), 'manifest.eventsHash'],
      [
        'a stream head',
        (m) => ((m['streams'] as { headHash: string }[])[1]!.headHash = '0'.repeat(64)),
        `manifest.streams[${streamIds.criminalReport(IDS.decision)}].headHash`,
      ],
      ['exportedBy', (m) => ((m['exportedBy'] as { actorId: string }).actorId = 'someone-else'), 'manifestHash'],
      ['exportedAt', (m) => (m['exportedAt'] = '2020-01-01T00:00:00.000Z'), 'manifestHash'],
    ];
    for (const [, edit, where] of edits) {
      const tampered = clone(bundle);
      edit(tampered.manifest);
      expect(verifyAuditBundle(tampered, publicKey)).toMatchObject({ ok: false, where });
    }
    // Edited with a matching manifestHash (or none): the signature no longer verifies.
    const resigned = clone(bundle);
    (resigned.manifest['exportedBy'] as { actorId: string }).actorId = 'someone-else';
    delete (resigned as { manifestHash?: string }).manifestHash;
    expect(verifyAuditBundle(resigned, publicKey)).toMatchObject({ ok: false, where: 'signature' });
    // Signed by a key other than the trusted one.
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(verifyAuditBundle(bundle, other)).toMatchObject({ ok: false, where: 'signature.keyId' });
    // Without a trusted key it checks against the bundle's own key, and says so.
    expect(verifyAuditBundle(bundle)).toMatchObject({ ok: true, trustedKey: false });
  });

  it('exports the access log of a person as whole one-event streams that verify', async () => {
    const accessStreams = (await store.readAll({ from: 'start', limit: 10_000, categories: ['access-log'] })).map((event) => event.streamId);
    expect(accessStreams.length).toBeGreaterThan(0);
    const bundle = await exporter.export(accessStreams, { kind: 'access-log', subjectId: 'p', actorId: null, from: null, to: null }, by);
    expect(bundle.events.every((event) => event.type === 'DossierRead')).toBe(true);
    expect(verifyAuditBundle(bundle, publicKey)).toMatchObject({ ok: true, eventCount: accessStreams.length });
  });

  it('two sealers at once (two workers) make one unbroken global chain while events keep coming', async () => {
    const sealers = [1, 2].map(() => new GlobalChainSealer(chain, store, createLogger('silent'), { pollIntervalMs: 10 }));
    const sealAll = async (sealer: GlobalChainSealer) => {
      for (let round = 0; round < 40; round++) await sealer.sealNext();
    };
    const appendSome = async () => {
      for (let i = 0; i < 20; i++) await store.appendToStream(`access-log-${randomUUID()}`, [testEvent()], { expectedRevision: 'no-stream' });
    };
    await Promise.all([sealAll(sealers[0]!), sealAll(sealers[1]!), appendSome()]);
    // Through the last event in the table, not the store's visible head: that head stops below any transaction still
    // open on the server (another suite's database included), and the count below is of every event.
    const [last] = await sql.query<{ position: string }>('SELECT max(global_position) AS position FROM es_events');
    expect(await sealers[0]!.sealedThrough(Number(last!.position), Date.now() + 120_000)).toBe(true);
    expect(await verifyStore(store, chain)).toMatchObject({ ok: true });
    const [counts] = await sql.query<{ events: number; sealed: number }>(
      'SELECT (SELECT count(*)::int FROM es_events) AS events, (SELECT count(*)::int FROM audit_global_chain) AS sealed',
    );
    expect(counts!.sealed).toBe(counts!.events);
  });

  // Last: these change the table behind the store's back (as a database administrator could).
  describe('events changed in the PostgreSQL table after the fact', () => {
    const caseStream = streamIds.case('pupil-incident', IDS.pupilCase);
    const tamper = async (statement: string, params: unknown[]): Promise<void> => {
      await sql.query('ALTER TABLE es_events DISABLE TRIGGER es_events_no_update');
      try {
        await sql.query(statement, params);
      } finally {
        await sql.query('ALTER TABLE es_events ENABLE TRIGGER es_events_no_update');
      }
    };

    it('an export of a row whose data was changed fails naming that event; verify-store names its position', async () => {
      const before = await exportCase();
      expect(await verifyStore(store, chain)).toMatchObject({ ok: true });
      const target = before.events.find((event) => event.streamId === caseStream && event.type === 'MeasureImposed')!;
      await tamper(`UPDATE es_events SET data = jsonb_set(data, '{measure}', '"reprimand"') WHERE global_position = $1`, [target.position]);

      const after = await exportCase();
      const index = after.events.findIndex((event) => event.position === target.position);
      expect(verifyAuditBundle(after, publicKey)).toMatchObject({
        ok: false,
        where: expect.stringMatching(new RegExp(`^event ${index} .*position ${target.position}\\)$`)),
        reason: expect.stringContaining('does not match its hash'),
      });
      expect(await verifyStore(store, chain)).toMatchObject({ ok: false, where: expect.stringContaining(`position ${target.position} `) });
    });

    it('a row rewritten with a recomputed hash still fails: the next link or the sealed global chain names it', async () => {
      const [event] = (await store.readStream(caseStream)).filter((e) => e.type === 'ScopeAssessed');
      const changed = { ...event!, data: { ...(event!.data as object), inScope: false } };
      const previous = (await store.readStream(caseStream)).find((e) => e.streamRevision === event!.streamRevision - 1)!;
      const forged = eventHashOf({
        contentHash: contentHashOf(changed),
        previousHash: previous.hash!,
        recordedAt: event!.metadata.recordedAt,
        streamId: caseStream,
        streamRevision: event!.streamRevision,
      });
      await tamper(`UPDATE es_events SET data = $2::jsonb, hash = decode($3, 'hex') WHERE global_position = $1`, [
        event!.globalPosition,
        JSON.stringify(changed.data),
        forged,
      ]);

      const bundle = await exportCase();
      const index = bundle.events.findIndex((e) => e.position === event!.globalPosition);
      const result = verifyAuditBundle(bundle, publicKey);
      expect(result).toMatchObject({
        ok: false,
        where: expect.stringMatching(new RegExp(`^event ${index} `)),
        reason: expect.stringContaining('global chain'),
      });
    });
  });
}
