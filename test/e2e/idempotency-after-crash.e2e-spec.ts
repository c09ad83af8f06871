import { IdempotencyStore } from '../../apps/api/src/idempotency/idempotency-store';
import { describeOnServerStore } from './support/api-harness';

// #31 item 4: a retry with the same Idempotency-Key after the api was killed answered 409 "still being processed" for
// good. A reservation is now a lease. A kill -9 leaves the key's row reserved with no answer kept; these tests put the
// row in exactly that state (the lease run out) and retry, as a client would after the restart.
describeOnServerStore('an Idempotency-Key whose request died with its process (#31 item 4)', (api) => {
  const report = {
    type: 'pupil-incident',
    schoolId: 'school-1',
    category: 'cyberbullying',
    occurredAt: '2026-11-03T20:30:00+01:00',
    summary: 'Berichten in de klassenapp',
    involved: [{ personId: 'pupil-31', personKind: 'pupil', role: 'perpetrator' }],
  };
  const sql = () => api.runtime().sql;
  /** The row as a process killed before it kept the answer leaves it; `correlationId` replaces the attempt's own. */
  const died = async (key: string, lease: 'run out' | 'running', correlationId?: string) => {
    const changed = await sql().query(
      `UPDATE http_idempotency_keys SET status_code = NULL, headers = NULL, body = NULL,
              lease_until = now() + ($2 * interval '1 minute'), correlation_id = coalesce($3, correlation_id)
        WHERE actor_id = 'teacher-31' AND key = $1 RETURNING key`,
      [key, lease === 'run out' ? -1 : 5, correlationId ?? null],
    );
    expect(changed).toHaveLength(1);
  };
  let teacher: string;
  beforeAll(async () => {
    teacher = await api.token('teacher-31', ['teacher'], ['school-1']);
  });

  it('the command had been carried out: the retry answers its id, case number and position from the store, and writes nothing', async () => {
    const first = await api.post('/incidents', report, teacher, { 'idempotency-key': 'died-after-append' });
    expect(first.statusCode).toBe(201);
    await died('died-after-append', 'run out');
    const before = await api.eventCount();
    const retry = await api.post('/incidents', report, teacher, { 'idempotency-key': 'died-after-append' });
    expect(retry.statusCode).toBe(201);
    const { id, caseNumber, position } = first.json() as { id: string; caseNumber: string; position: number };
    expect(retry.json()).toMatchObject({ id, caseNumber, position });
    expect(await api.eventCount()).toBe(before);
    // From then on that is the key's answer.
    const again = await api.post('/incidents', report, teacher, { 'idempotency-key': 'died-after-append' });
    expect(again.json()).toMatchObject({ id, caseNumber });
  });

  it('nothing had been written: of eight retries at once one takes the key over and reports the case once', async () => {
    const first = await api.post('/incidents', report, teacher, { 'idempotency-key': 'died-before-append' });
    expect(first.statusCode).toBe(201);
    await died('died-before-append', 'run out', 'an-attempt-whose-events-never-committed');
    const before = await api.eventCount();
    const retries = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => api.post('/incidents', report, teacher, { 'idempotency-key': 'died-before-append' })));
    const statuses = retries.map((retry) => retry.statusCode).sort();
    expect(statuses[0]).toBe(201);
    expect(await api.eventCount()).toBeGreaterThan(before);
    const created = retries.filter((retry) => retry.statusCode === 201).map((retry) => retry.json().id as string);
    // The others were told it is in progress (409) or replayed the one's answer: one new case either way.
    expect(new Set(created).size).toBe(1);
    expect(created[0]).not.toBe(first.json().id);
    expect(retries.every((retry) => retry.statusCode === 409 || retry.json().id === created[0])).toBe(true);
  });

  it('a lease still running is a request still being processed: 409, nothing written', async () => {
    expect((await api.post('/incidents', report, teacher, { 'idempotency-key': 'still-running' })).statusCode).toBe(201);
    await died('still-running', 'running');
    const before = await api.eventCount();
    const retry = await api.post('/incidents', report, teacher, { 'idempotency-key': 'still-running' });
    expect(retry.statusCode).toBe(409);
    expect(await api.eventCount()).toBe(before);
  });

  it('of eight retries racing for one dead lease, exactly one takes the key over (the store, side by side)', async () => {
    expect((await api.post('/incidents', report, teacher, { 'idempotency-key': 'raced' })).statusCode).toBe(201);
    await died('raced', 'run out', 'an-attempt-that-wrote-nothing');
    const [row] = await sql().query<{ request_hash: string }>("SELECT request_hash FROM http_idempotency_keys WHERE actor_id = 'teacher-31' AND key = 'raced'");
    const store = new IdempotencyStore(sql(), api.runtime().eventStore);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        store.reserve('teacher-31', 'raced', { requestHash: row!.request_hash, correlationId: `retry-number-${n}`, successStatus: 201 }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual([
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
      'reserved',
    ]);
  });
});
