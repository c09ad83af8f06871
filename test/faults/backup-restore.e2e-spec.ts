import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '@casebook/access';
import { publicKeyFileOf, verifyAuditBundle } from '@casebook/audit';
import { PostgresEventStore } from '@casebook/event-store';
import { type ScratchDatabase, createLogger, createScratchDatabase, loadConfig } from '@casebook/platform';
import { READ_MODELS, ProjectionHost, ReadModelCatalog, readModelStatus } from '@casebook/projections';
import { type Runtime, openRuntime } from '@casebook/runtime';
import { describeWithService, notYetOnError, waitUntil } from '@casebook/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { dumpReadModel } from '../../libs/projections/src/read-model-dump.fixtures';
import { generateHistory } from '../bench/history-generator';
import { ROOT, SECRET, build } from './support/processes';

/**
 * Issue #9, deliverable 4: the documented procedure (infra/backup/backup.sh, restore.sh; README "Backup and
 * restore") run as written: back up a database with cases, sealed texts, an erasure, reads in the access log and a
 * sealed audit chain; restore into a fresh database (read models rebuilt from the events, never restored); the
 * restored read models equal the originals row for row, the stored chains verify, and an audit export of a case
 * made on the restored database verifies with the same public key and shows the same events.
 */
const MASTER_KEY = randomBytes(32).toString('base64');

interface Deployment {
  readonly database: ScratchDatabase;
  readonly runtime: Runtime;
  readonly app: NestFastifyApplication;
}

describeWithService('postgres', 'backup and restore', (serverUrl) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-backup-'));
  const file = join(dataDir, 'casebook.dump');
  const deployments: Deployment[] = [];
  const token = (sub: string, roles: string[]) => mintDevToken(new TextEncoder().encode(SECRET), { sub, roles: roles as never, schools: ['school-1'] });

  /** An api on `database`, with the same keys (DATA_DIR for the signing key, PRIVACY_MASTER_KEY) as the original. */
  async function deploy(database: ScratchDatabase, projections: boolean): Promise<Deployment> {
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      AUTH_TOKEN_ROLES: 'claims',
      PRIVACY_MASTER_KEY: MASTER_KEY,
      RATE_LIMIT_PER_MINUTE: '0',
    };
    const runtime = await openRuntime(loadConfig(env), createLogger('silent'), 'api');
    const app = await createApiApp(runtime);
    if (projections) await app.get(ProjectionHost).start();
    const deployment = { database, runtime, app };
    deployments.push(deployment);
    return deployment;
  }

  beforeAll(() => build(), 180_000);
  afterAll(async () => {
    for (const { database, runtime, app } of deployments.reverse()) {
      await app.get(ProjectionHost).stop();
      await app.close();
      await runtime.close();
      await database.drop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores into a fresh database, rebuilds identical read models, and exports a verifying audit trail', async () => {
    const original = await deploy(await createScratchDatabase(serverUrl, 'backup_src'), true);
    const inject = (d: Deployment, method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown) =>
      d.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        payload: payload === undefined ? undefined : JSON.stringify(payload),
      });
    const director = await token('backup-director', ['director']);
    const legal = await token('backup-legal', ['legal']);

    // A history: generated volume (the benchmark's generator, straight into the store), and cases made over HTTP
    // (their texts sealed), one person forgotten.
    await generateHistory(await PostgresEventStore.open(original.runtime.sql), { schools: 2, pupils: 150, staff: 20, events: 3_000 });
    const reported = await inject(original, 'POST', '/incidents', director, {
      type: 'pupil-incident',
      schoolId: 'school-1',
      category: 'cyberbullying',
      occurredAt: '2026-11-03T20:30:00+01:00',
      summary: 'Messages about a classmate',
      involved: [
        { personId: 'backup-pupil-1', personKind: 'pupil', role: 'perpetrator', displayName: 'Pupil One' },
        { personId: 'backup-pupil-2', personKind: 'pupil', role: 'victim', displayName: 'Pupil Two' },
      ],
    });
    expect(reported.statusCode).toBe(201);
    const incidentId = reported.json().id as string;
    expect(
      (
        await inject(original, 'POST', `/incidents/${incidentId}/measures`, director, {
          subjectId: 'backup-pupil-1',
          measure: 'warning',
          reason: 'The messages',
        })
      ).statusCode,
    ).toBe(201);
    expect((await inject(original, 'POST', '/people/backup-pupil-3/erasure', legal, { reason: 'Request' })).statusCode).toBe(200);
    expect((await inject(original, 'GET', `/incidents/${incidentId}`, legal)).statusCode).toBe(200);
    const before = await inject(original, 'GET', `/incidents/${incidentId}/audit-export`, legal);
    expect(before.statusCode).toBe(200);
    const originalCatalog = await ReadModelCatalog.open(original.runtime.sql, READ_MODELS);
    await waitUntil(
      notYetOnError(async () => (await readModelStatus(originalCatalog, original.runtime.eventStore)).every((s) => s.lag === 0)),
      'the read models to catch up',
      120_000,
    );
    await original.app.get(ProjectionHost).stop();

    // The procedure, as documented.
    const script = (name: string, ...args: string[]) =>
      execFileSync('bash', [join(ROOT, 'infra/backup', name), ...args], {
        cwd: ROOT,
        env: { ...process.env, PRIVACY_MASTER_KEY: MASTER_KEY, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      }).toString();
    process.stdout.write(script('backup.sh', original.database.url, file));
    const target = await createScratchDatabase(serverUrl, 'backup_dst');
    const restoredOutput = script('restore.sh', file, target.url);
    process.stdout.write(restoredOutput);
    expect(restoredOutput).toMatch(/OK/);
    // A second restore onto a database that is not empty is refused.
    expect(() => script('restore.sh', file, target.url)).toThrow();

    const restored = await deploy(target, false);
    const restoredCatalog = await ReadModelCatalog.open(restored.runtime.sql, READ_MODELS);
    let rows = 0;
    for (const projection of READ_MODELS) {
      const expected = await dumpReadModel(original.runtime.sql, projection.name, await originalCatalog.liveVersion(projection.name));
      const actual = await dumpReadModel(restored.runtime.sql, projection.name, await restoredCatalog.liveVersion(projection.name));
      expect({ name: projection.name, rows: actual }).toEqual({ name: projection.name, rows: expected });
      rows += JSON.stringify(expected).length;
    }
    expect(rows).toBeGreaterThan(10_000);

    // The case reads as before (the people's keys came back with the backup), and its export verifies.
    const view = (await inject(restored, 'GET', `/incidents/${incidentId}`, legal)).json() as { summary: string };
    expect(view.summary).toBe('Messages about a classmate');
    const after = await inject(restored, 'GET', `/incidents/${incidentId}/audit-export`, legal);
    expect(after.statusCode).toBe(200);
    const publicKey = readFileSync(publicKeyFileOf(restored.runtime.config.audit.keyFile), 'utf8');
    expect(verifyAuditBundle(after.json(), publicKey)).toMatchObject({ ok: true, trustedKey: true });
    const hashes = (bundle: { events: { hash: string }[] }) => bundle.events.map((event) => event.hash);
    expect(hashes(after.json())).toEqual(hashes(before.json()));
    await originalCatalog.close();
    await restoredCatalog.close();
  }, 600_000);
});
