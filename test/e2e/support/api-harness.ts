import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { mintDevToken } from '@casebook/access';
import type { Role } from '@casebook/incidents';
import { createLogger, createScratchDatabase, loadConfig, type ScratchDatabase } from '@casebook/platform';
import { describeWithService, requiredInfra } from '@casebook/testing';
import { ProjectionHost } from '@casebook/projections';
import { openRuntime, type Runtime } from '@casebook/runtime';
import { createApiApp } from '../../../apps/api/src/create-api-app';

export const E2E_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
const secret = new TextEncoder().encode(E2E_SECRET);

/** What a suite drives the API with. Valid only inside the suite's tests (set up in beforeAll). */
export interface ApiHarness {
  readonly app: () => NestFastifyApplication;
  readonly runtime: () => Runtime;
  token(sub: string, roles: readonly Role[], schools?: readonly string[]): Promise<string>;
  post(url: string, payload: unknown, bearer: string | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, bearer: string | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /**
   * Every event in the store, committed or not yet below the read watermark: what a refused request must leave
   * unchanged. (readAll and headPosition only show events below the watermark, which a transaction in any
   * database of the same server can hold back, so they may grow later without a new append.)
   */
  eventCount(): Promise<number>;
  /** Everything the app logged (at trace level), when the suite asked for it with `captureLogs`. */
  logs(): string;
}

export interface HarnessOptions {
  /** extra settings, e.g. AUTH_ISSUER or RATE_LIMIT_PER_MINUTE; a function when they are known only once an outer `beforeAll` ran */
  readonly env?: Record<string, string> | (() => Record<string, string>);
  readonly captureLogs?: boolean;
}

/**
 * Declares `body` twice: on the embedded store (PGlite), and on the PostgreSQL server when DATABASE_URL is set
 * (a scratch database per suite; with REQUIRE_INFRA=postgres it fails rather than skips, as in CI). For the few
 * journeys that show the embedded default works end to end (the api playing the worker); every other suite runs
 * once, on the server (decisions: "Each end-to-end suite runs once").
 */
export function describeOnEveryStore(title: string, body: (api: ApiHarness) => void, options: HarnessOptions = {}): void {
  describe(`${title} (embedded)`, () => body(harness(() => undefined, options)));
  describeWithService('postgres', `${title} (PostgreSQL server)`, (serverUrl) => body(harness(() => serverUrl, options)));
}

/**
 * Declares `body` once, on production's store: the PostgreSQL server when DATABASE_URL is set (a scratch database
 * per suite, the test process playing the worker). Without DATABASE_URL it fails when REQUIRE_INFRA names postgres
 * (as in CI), and otherwise runs on the embedded store, so that a machine without a server still runs every suite.
 */
export function describeOnServerStore(title: string, body: (api: ApiHarness) => void, options: HarnessOptions = {}): void {
  const serverUrl = process.env['DATABASE_URL']?.trim();
  if (serverUrl || requiredInfra().has('postgres')) {
    describeWithService('postgres', `${title} (PostgreSQL server)`, (url) => body(harness(() => url, options)));
    return;
  }
  describe(`${title} (embedded: DATABASE_URL is not set)`, () => body(harness(() => undefined, options)));
}

/** Suites send hundreds of requests a second as one actor; the rate limit has its own suite (hostile-requests). */
const E2E_RATE_LIMIT = '1000000';

function harness(serverUrl: () => string | undefined, options: HarnessOptions): ApiHarness {
  const logged: string[] = [];
  let dataDir: string;
  let database: ScratchDatabase | undefined;
  let runtime: Runtime;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-e2e-'));
    const server = serverUrl();
    database = server ? await createScratchDatabase(server, 'e2e') : undefined;
    const extra = typeof options.env === 'function' ? options.env() : (options.env ?? {});
    // With a key set (AUTH_JWKS_URL) there is no shared secret: the two cannot both be set.
    const secretSetting = extra['AUTH_JWKS_URL'] ? {} : { AUTH_JWT_SECRET: E2E_SECRET };
    // The suites mint tokens with the roles they need (AUTH_TOKEN_ROLES=claims); DIR4's default has suites of its own.
    // The timed retention job is off (RETENTION_INTERVAL_HOURS=0): its first run, a minute after start, would append
    // erasures in the middle of a long suite that checks a refused request appended nothing (the authorization matrix
    // once saw it). Suites about retention run the job themselves.
    const env = {
      DATA_DIR: dataDir,
      ...secretSetting,
      RATE_LIMIT_PER_MINUTE: E2E_RATE_LIMIT,
      AUTH_TOKEN_ROLES: 'claims',
      RETENTION_INTERVAL_HOURS: '0',
      ...extra,
      ...(database ? { DATABASE_URL: database.url } : {}),
    };
    const logger = options.captureLogs ? createLogger('trace', 'casebook', { write: (line: string) => void logged.push(line) }) : createLogger('silent');
    runtime = await openRuntime(loadConfig(env), logger, 'api');
    app = await createApiApp(runtime);
    // On the server the worker runs the projections; here the test process plays the worker.
    if (database) await app.get(ProjectionHost).start();
  });
  afterAll(async () => {
    if (database) await app?.get(ProjectionHost).stop();
    // A suite that listened (the browser suites) may still hold keep-alive connections from a browser it closes in a
    // later hook; closing waits for them to time out (73 s once), so they are cut first.
    (app?.getHttpServer() as Server | undefined)?.closeAllConnections();
    await app?.close();
    await runtime?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const auth = (bearer: string | null) => (bearer ? { authorization: `Bearer ${bearer}` } : {});
  return {
    app: () => app,
    runtime: () => runtime,
    token: (sub, roles, schools = ['school-1']) => mintDevToken(secret, { sub, roles: [...roles], schools: [...schools] }),
    post: (url, payload, bearer, headers = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...auth(bearer), 'content-type': 'application/json', ...headers },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      }),
    get: (url, bearer, headers = {}) => app.inject({ method: 'GET', url, headers: { ...auth(bearer), ...headers } }),
    logs: () => logged.join(''),
    eventCount: async () => {
      if (runtime.config.eventStore.kind !== 'postgres') return (await runtime.eventStore.readAll({ from: 'start', limit: 100_000 })).length;
      const [row] = await runtime.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
      return row!.n;
    },
  };
}
