import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '@casebook/access';
import { createLogger, createScratchDatabase, loadConfig, type ScratchDatabase } from '@casebook/platform';
import { describeWithService } from '@casebook/testing';
import { openRuntime, type Runtime } from '@casebook/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
const secret = new TextEncoder().encode(SECRET);

// POST /pupils/{pupilId}/device-custody over HTTP (api.md; M1–M5): on the embedded store, and on the
// PostgreSQL server when DATABASE_URL is set (each run in a scratch database of its own).
describe('device custody over HTTP (embedded)', () => describeDeviceCustody(() => undefined));
describeWithService('postgres', 'device custody over HTTP on the PostgreSQL server', (serverUrl) => describeDeviceCustody(() => serverUrl));

function describeDeviceCustody(serverUrl: () => string | undefined): void {
  let dataDir: string;
  let database: ScratchDatabase | undefined;
  let runtime: Runtime;
  let app: NestFastifyApplication;
  let director: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-e2e-custody-'));
    const server = serverUrl();
    database = server ? await createScratchDatabase(server, 'e2e_custody') : undefined;
    const env = { DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET, AUTH_TOKEN_ROLES: 'claims', ...(database ? { DATABASE_URL: database.url } : {}) };
    runtime = await openRuntime(loadConfig(env), createLogger('silent'), 'api');
    app = await createApiApp(runtime);
    director = await mintDevToken(secret, { sub: 'staff-dir-1', roles: ['director'], schools: ['school-1'] });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    schoolId: 'school-1',
    device: 'phone',
    conditionChecked: { damage: 'none', working: true },
    pupilPresent: true,
    switchedOff: true,
    ...overrides,
  });
  const post = (pupilId: string, payload: unknown, token: string | null = director, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/pupils/${pupilId}/device-custody`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const eventsOf = async (pupilId: string) => (await runtime.eventStore.readStream(`pupil-conduct-${pupilId}`)).length;

  it('walks the offence ladder: 1st and 2nd accepted, 3rd refused with M3 until custodyUntil is set', async () => {
    const first = await post('pupil-walk', body());
    expect(first.statusCode).toBe(201);
    expect(first.headers['etag']).toBe('"0"');
    expect(first.json()).toMatchObject({
      id: expect.any(String),
      revision: 0,
      position: expect.any(Number),
      offenceNumber: 1,
      custodyUntil: expect.any(String),
    });
    expect(first.json()).not.toHaveProperty('informParentsObligationId');

    const second = await post('pupil-walk', body());
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ revision: 1, offenceNumber: 2, informParentsObligationId: expect.any(String) });

    const third = await post('pupil-walk', body());
    expect(third.statusCode).toBe(409);
    expect(third.headers['content-type']).toContain('application/problem+json');
    expect(third.json()).toMatchObject({ status: 409, rule: 'M3', detail: expect.stringContaining('M3') });
    expect(await eventsOf('pupil-walk')).toBe(2);

    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const allowed = await post('pupil-walk', body({ custodyUntil: until }));
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json()).toMatchObject({ offenceNumber: 3, custodyUntil: until });
  });

  it('refuses a custody without the pupil present with 409 naming M4, appending nothing', async () => {
    const response = await post('pupil-m4', body({ pupilPresent: false }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: 'M4' });
    expect(await eventsOf('pupil-m4')).toBe(0);
  });

  it.each([
    ['no token', null, 401],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYm9hcmQiXX0.c2lnbmF0dXJl', 401],
  ])('answers %s with 401 problem+json', async (_label, token, status) => {
    const response = await post('pupil-auth', body(), token);
    expect(response.statusCode).toBe(status);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(await eventsOf('pupil-auth')).toBe(0);
  });

  it('answers 403 to a director or a teacher of another school; a teacher of the school takes it (TC1)', async () => {
    const otherDirector = await mintDevToken(secret, { sub: 'staff-dir-9', roles: ['director'], schools: ['school-9'] });
    const otherTeacher = await mintDevToken(secret, { sub: 'staff-t-9', roles: ['teacher'], schools: ['school-9'] });
    const teacher = await mintDevToken(secret, { sub: 'staff-t-1', roles: ['teacher'], schools: ['school-1'] });
    expect((await post('pupil-403', body(), otherDirector)).statusCode).toBe(403);
    expect((await post('pupil-403', body(), otherTeacher)).statusCode).toBe(403);
    expect(await eventsOf('pupil-403')).toBe(0);
    expect((await post('pupil-403', body(), teacher)).statusCode).toBe(201);
    expect(await eventsOf('pupil-403')).toBe(1);
  });

  it.each([
    ['an unknown field', body({ colour: 'red' }), 'colour'],
    ['a missing field', { ...body(), device: undefined }, 'device'],
    ['a wrong type', body({ pupilPresent: 'yes' }), 'pupilPresent'],
    ['a nested wrong type', body({ conditionChecked: { damage: 'none', working: 'ok' } }), 'conditionChecked.working'],
    ['a moment without an offset', body({ custodyUntil: '2026-11-06 15:00' }), 'custodyUntil'],
    ['an impossible date', body({ custodyUntil: '2026-02-31T15:00:00Z' }), 'custodyUntil'],
    ['an incident id that is not a UUID', body({ incidentId: 'abc' }), 'incidentId'],
    ['a prototype-pollution key', JSON.parse('{"__proto__": {"admin": true}, "schoolId": "school-1"}'), undefined],
  ])('answers %s with 400 and the field, appending nothing', async (_label, payload, field) => {
    const response = await post('pupil-400', payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (field) expect(response.json().errors).toContainEqual(expect.objectContaining({ field }));
    expect(await eventsOf('pupil-400')).toBe(0);
  });

  it('answers a malformed path id, malformed JSON, a wrong content type and an oversized body with 4xx problems', async () => {
    expect((await post('..%2F..%2Fetc', body())).statusCode).toBe(400);
    expect((await post('pupil-x', '{"schoolId": ')).statusCode).toBe(400);
    const text = await post('pupil-x', 'schoolId=school-1', director, { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
    const huge = await post('pupil-x', body({ device: 'x'.repeat(1_100_000) }));
    expect(huge.statusCode).toBe(413);
    expect(await eventsOf('pupil-x')).toBe(0);
  });

  it('answers a stale If-Match with 412 and appends nothing; a current one is accepted', async () => {
    expect((await post('pupil-412', body())).statusCode).toBe(201);
    const stale = await post('pupil-412', body(), director, { 'if-match': '"5"' });
    expect(stale.statusCode).toBe(412);
    expect(await eventsOf('pupil-412')).toBe(1);
    const current = await post('pupil-412', body(), director, { 'if-match': '"0"' });
    expect(current.statusCode).toBe(201);
    expect((await post('pupil-412', body(), director, { 'if-match': 'banana' })).statusCode).toBe(400);
  });

  it('replays the first response for the same Idempotency-Key and body, appending nothing; 422 for another body', async () => {
    const key = { 'idempotency-key': 'custody-retry-1' };
    const first = await post('pupil-idem', body(), director, key);
    expect(first.statusCode).toBe(201);
    const again = await post('pupil-idem', body(), director, key);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['etag']).toBe(first.headers['etag']);
    expect(await eventsOf('pupil-idem')).toBe(1);

    const other = await post('pupil-idem', body({ device: 'tablet' }), director, key);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(await eventsOf('pupil-idem')).toBe(1);
  });

  it('runs one command when two requests with the same Idempotency-Key arrive together', async () => {
    const key = { 'idempotency-key': 'custody-race-1' };
    const responses = await Promise.all([post('pupil-race', body(), director, key), post('pupil-race', body(), director, key)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual(expect.arrayContaining([201]));
    expect(responses.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(await eventsOf('pupil-race')).toBe(1);
  });

  it('frees the key of a refused command, so the client can retry it', async () => {
    const key = { 'idempotency-key': 'custody-refused-1' };
    expect((await post('pupil-free', body({ pupilPresent: false }), director, key)).statusCode).toBe(409);
    expect((await post('pupil-free', body({ pupilPresent: false }), director, key)).statusCode).toBe(409);
    expect(await eventsOf('pupil-free')).toBe(0);
  });
}
