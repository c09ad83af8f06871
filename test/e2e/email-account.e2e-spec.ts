import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '@casebook/access';
import { createLogger, loadConfig } from '@casebook/platform';
import { openRuntime, type Runtime } from '@casebook/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';

// The school e-mail account over HTTP (api.md; E1–E3), embedded store.
describe('school e-mail account over HTTP', () => {
  let dataDir: string;
  let runtime: Runtime;
  let app: NestFastifyApplication;
  let director: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-e2e-email-'));
    runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET }), createLogger('silent'), 'api');
    app = await createApiApp(runtime);
    director = await mintDevToken(new TextEncoder().encode(SECRET), { sub: 'staff-dir-1', roles: ['director'], schools: ['school-1'] });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, payload: object) =>
    app.inject({ method: 'POST', url: `/pupils/pupil-7/email-account/${path}`, headers: { authorization: `Bearer ${director}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const events = async () => (await runtime.eventStore.readStream('pupil-conduct-pupil-7')).map((e) => e.type);
  const future = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

  it('suspends the account with ground and end date and answers the "inform parents" obligation (E1, E2)', async () => {
    const response = await post('suspensions', { schoolId: 'school-1', ground: 'bullying', until: future, reason: 'Threats to a classmate' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ id: expect.any(String), revision: 0, informParentsObligationId: expect.any(String) });
    expect(await events()).toEqual(['EmailAccountSuspended']);
  });

  it('warns about less serious misuse (E3)', async () => {
    const response = await post('warnings', { schoolId: 'school-1', reason: 'Chain mail to the class' });
    expect(response.statusCode).toBe(201);
    expect(await events()).toEqual(['EmailAccountSuspended', 'EmailUseWarned']);
  });

  it('refuses an end date in the past with 409 naming E1, and an unknown ground with 400', async () => {
    const past = await post('suspensions', { schoolId: 'school-1', ground: 'bullying', until: '2020-01-01', reason: 'x' });
    expect(past.statusCode).toBe(409);
    expect(past.json()).toMatchObject({ rule: 'E1' });
    const ground = await post('suspensions', { schoolId: 'school-1', ground: 'boredom', until: future, reason: 'x' });
    expect(ground.statusCode).toBe(400);
    expect(ground.json().errors).toContainEqual(expect.objectContaining({ field: 'ground' }));
    expect(await events()).toEqual(['EmailAccountSuspended', 'EmailUseWarned']);
  });
});
