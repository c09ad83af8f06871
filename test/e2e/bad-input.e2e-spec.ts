import { mintDevToken } from '@casebook/access';
import { E2E_SECRET, describeOnServerStore } from './support/api-harness';

// Issue #3, "Bad input gets a clear answer": each case gets the 4xx api.md names, a message that says what is
// wrong (problem+json; for 400 an `errors` list naming the field), and the store is left exactly as it was.
describeOnServerStore('bad input over HTTP', (api) => {
  let director: string;
  let board: string;
  let incidentId: string;

  const report = {
    type: 'pupil-incident',
    schoolId: 'school-1',
    category: 'cyberbullying',
    occurredAt: '2026-11-03T20:30:00+01:00',
    summary: 'Messages',
    involved: [{ personId: 'pupil-2', personKind: 'pupil', role: 'perpetrator' }],
  };
  const measure = { subjectId: 'pupil-2', measure: 'suspension', reason: 'Threats', startsOn: '2026-11-09', endsOn: '2026-11-10' };

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    board = await api.token('board-1', ['board'], []);
    incidentId = (await api.post('/incidents', report, director)).json().id;
  });

  /** Sends the request, checks status, problem+json and (for 400) the fields named, and that nothing was appended. */
  async function expectRefused(
    request: () => Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => unknown }>,
    status: number,
    fields: string[] = [],
  ): Promise<Record<string, unknown>> {
    const before = await api.eventCount();
    const response = await request();
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as Record<string, unknown>;
    expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    if (fields.length) expect((problem['errors'] as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(fields));
    expect(await api.eventCount()).toBe(before);
    return problem;
  }

  describe('the body (400)', () => {
    it.each([
      ['a wrong type', { ...report, summary: 42 }, ['summary']],
      ['a missing field', { ...report, category: undefined }, ['category']],
      ['an unknown field', { ...report, priority: 'high' }, ['priority']],
      ['an impossible date', { ...report, occurredAt: '2026-02-31T10:00:00+01:00' }, ['occurredAt']],
      ['a date without an offset', { ...report, occurredAt: '2026-11-03T20:30:00' }, ['occurredAt']],
      [
        'a person id with a path in it',
        { ...report, involved: [{ personId: '../pupil-2', personKind: 'pupil', role: 'perpetrator' }] },
        ['involved.0.personId'],
      ],
      [
        'an unknown field in a nested object',
        { ...report, involved: [{ personId: 'pupil-2', personKind: 'pupil', role: 'perpetrator', bsn: '123' }] },
        ['involved.0.bsn'],
      ],
    ])('POST /incidents with %s', async (_label, body, fields) => {
      const problem = await expectRefused(() => api.post('/incidents', body, director), 400, fields);
      expect(JSON.stringify(problem['errors'])).not.toContain('undefined');
    });

    it('refuses endsOn before startsOn, a non-UUID regarding, and an impossible calendar day', async () => {
      await expectRefused(() => api.post(`/incidents/${incidentId}/measures`, { ...measure, endsOn: '2026-11-08' }, director), 400, ['endsOn']);
      await expectRefused(() => api.post(`/incidents/${incidentId}/measures`, { ...measure, startsOn: '2026-11-31' }, director), 400, ['startsOn']);
      // PostgreSQL stores no U+0000: refused as 400 naming the field, not a 500 at the append.
      await expectRefused(() => api.post(`/incidents/${incidentId}/close`, { outcome: '\u0000' }, director), 400, ['outcome']);
      await expectRefused(() => api.post(`/incidents/${incidentId}/measures`, { ...measure, reason: 'a\u0000b' }, director), 400, ['reason']);
      await expectRefused(
        () =>
          api.post(`/incidents/${incidentId}/parent-notifications`, { regarding: 'measure-1', channel: 'phone', informedAt: '2026-11-04T10:00:00Z' }, director),
        400,
        ['regarding'],
      );
    });

    it('refuses a body that is not an object, and malformed JSON', async () => {
      await expectRefused(() => api.post('/incidents', '[1,2,3]', director), 400);
      await expectRefused(() => api.post('/incidents', '"text"', director), 400);
      await expectRefused(() => api.post('/incidents', '{"type": ', director), 400);
    });

    it('refuses prototype-pollution keys', async () => {
      await expectRefused(() => api.post('/incidents', `{"__proto__": {"admin": true}, ${JSON.stringify(report).slice(1)}`, director), 400);
      await expectRefused(() => api.post('/incidents', `{"constructor": {"prototype": {"admin": true}}, ${JSON.stringify(report).slice(1)}`, director), 400);
      expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    });
  });

  describe('the domain (409 naming the rule)', () => {
    it('refuses an occurredAt in the future (B4)', async () => {
      const problem = await expectRefused(() => api.post('/incidents', { ...report, occurredAt: '2099-01-01T00:00:00Z' }, director), 409);
      expect(problem).toMatchObject({ rule: 'B4', detail: expect.stringContaining('B4') });
    });

    it('refuses a suspension of more than a week (P5)', async () => {
      const problem = await expectRefused(() => api.post(`/incidents/${incidentId}/measures`, { ...measure, endsOn: '2026-11-20' }, director), 409);
      expect(problem).toMatchObject({ rule: 'P5' });
    });
  });

  describe('the path', () => {
    it.each(['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b%00'])('answers 400 to incident id %s', async (id) => {
      await expectRefused(() => api.post(`/incidents/${id}/close`, { outcome: 'x' }, director), 400);
    });

    it('answers 400 to a pupil id that is not an id', async () => {
      await expectRefused(() => api.post('/pupils/pupil%201/email-account/warnings', { schoolId: 'school-1', reason: 'x' }, director), 400);
    });
  });

  describe('size and content type', () => {
    it('answers 413 to a body over 1 MiB', async () => {
      await expectRefused(() => api.post('/incidents', { ...report, summary: 'x'.repeat(1024 * 1024 + 1) }, director), 413);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('answers 415 to %s', async (contentType) => {
      await expectRefused(() => api.post('/incidents', JSON.stringify(report), director, { 'content-type': contentType }), 415);
    });
  });

  describe('tokens (401) and roles (403)', () => {
    const secret = new TextEncoder().encode(E2E_SECRET);
    const claims = { sub: 'staff-dir-1', roles: ['director'] as const, schools: ['school-1'] };

    it('answers 401 to no token, an expired one, one signed with another secret, a tampered one, and alg none', async () => {
      const expired = await mintDevToken(secret, { ...claims, expiresInSeconds: 60 }, Math.floor(Date.now() / 1000) - 3600);
      const otherSecret = await mintDevToken(new TextEncoder().encode('another-secret-another-secret-xx'), claims);
      const [header, payload, signature] = director.split('.') as [string, string, string];
      const boardPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['board'] })).toString('base64url');
      const tampered = `${header}.${boardPayload}.${signature}`;
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      for (const token of [null, expired, otherSecret, tampered, unsigned, 'not-a-jwt']) {
        const problem = await expectRefused(() => api.post('/incidents', report, token), 401);
        expect(JSON.stringify(problem)).not.toContain(payload);
      }
    });

    it('answers 403 to a director acting on another school, and to a role the command does not have', async () => {
      const elsewhere = await api.token('staff-dir-9', ['director'], ['school-9']);
      await expectRefused(() => api.post('/incidents', report, elsewhere), 403);
      await expectRefused(() => api.post(`/incidents/${incidentId}/close`, { outcome: 'x' }, elsewhere), 403);
      await expectRefused(() => api.post(`/incidents/${incidentId}/qualifications`, { qualification: 'boundary-crossing', rationale: 'x' }, director), 403);
      const legal = await api.token('legal-1', ['legal'], []);
      await expectRefused(() => api.post('/incidents', report, legal), 403);
      expect((await api.post(`/incidents/${incidentId}/close`, { outcome: 'Handled' }, board)).statusCode).toBe(200);
    });
  });
});
