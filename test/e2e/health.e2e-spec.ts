import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig } from '@casebook/platform';
import { openRuntime, type Runtime } from '@casebook/runtime';
import { readSharedSpec } from '@casebook/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';

// The embedded default over HTTP: PGlite under a temporary DATA_DIR, no service needed.
describe('health and docs over HTTP (embedded default)', () => {
  let dataDir: string;
  let runtime: Runtime;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-e2e-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    runtime = await openRuntime(config, createLogger('silent'), 'api');
    app = await createApiApp(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers liveness', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'live' });
  });

  it("answers readiness with each dependency's state", async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      dependencies: {
        database: { status: 'up', engine: 'pglite' },
        eventStore: { status: 'up', kind: 'pglite' },
        kafka: { status: 'disabled', detail: expect.stringContaining('KAFKA_BROKERS') },
      },
    });
  });

  it('serves the OpenAPI document and its UI under /docs', async () => {
    const json = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().paths).toHaveProperty(['/health/ready']);
    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('documents every command of api.md, with request bodies that have examples (issue #3)', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    const contract = readSharedSpec('spec/api.md');
    const commands = [...contract.slice(contract.indexOf('## Commands'), contract.indexOf('## Reads')).matchAll(/^\| `POST ([^`]+)`/gm)].map((m) => m[1]!);
    expect(commands).toHaveLength(19);
    for (const path of [...commands]) expect(document.paths[path]?.post).toBeDefined();
    expect(document.paths['/incidents/{id}']?.get).toBeDefined();
    const schemas = document.components.schemas as Record<string, { properties: Record<string, { example?: unknown; enum?: unknown }> }>;
    const withoutExample = Object.entries(schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(
          ([, property]) =>
            property.example === undefined &&
            property.enum === undefined &&
            !('$ref' in property) &&
            !('type' in property && property.type === 'array') &&
            !('type' in property && property.type === 'boolean'),
        )
        .map(([field]) => `${name}.${field}`),
    );
    expect(withoutExample).toEqual([]);
  });

  it('answers an unknown path with problem+json 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/incidents/../../etc/passwd' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('reports not ready, with 503, when the database is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-e2e-down-'));
    const down = await openRuntime(loadConfig({ DATA_DIR: dir }), createLogger('silent'), 'api');
    const downApp = await createApiApp(down);
    try {
      await down.sql.close();
      const response = await downApp.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not-ready', dependencies: { database: { status: 'down' } } });
    } finally {
      await downApp.close();
      await down.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
