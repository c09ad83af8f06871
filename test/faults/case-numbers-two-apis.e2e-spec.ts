import { randomBytes } from 'node:crypto';
import { PgSqlClient } from '@casebook/platform';
import { describeWithService, freePort, waitUntil } from '@casebook/testing';
import { PrivatePostgres } from './support/private-postgres';
import { type Running, build, startApi, stop, token } from './support/processes';

/**
 * Domain.md "case number" (#31 item 3): unique and gap-free in the order cases were reported, also when many are
 * reported at once. Two api processes on one PostgreSQL take reports side by side; one is killed with SIGKILL in the
 * middle of its work and started again. Afterwards, read from the store itself: every case has exactly one number,
 * the year's counter runs 1..n without a gap and each of its numbers names a case that records it, the numbers
 * follow the order in which the store recorded the reports, and every acknowledged report kept the number it was
 * answered with. Before the case and its number were one commit, a kill left cases unnumbered for good, a number
 * taken and never written, and thousands of pairs out of order.
 */
const CLIENTS_PER_API = 4;

interface Acknowledged {
  readonly id: string;
  readonly caseNumber: string;
}

describeWithService('postgres', 'case numbers with two api processes and a kill -9 (#31)', () => {
  let pg: PrivatePostgres;
  const running: (Running | undefined)[] = [];

  beforeAll(async () => {
    build();
    pg = await PrivatePostgres.create(await freePort());
  }, 180_000);
  afterAll(async () => {
    for (const api of running) await stop(api);
    pg?.destroy();
  });

  it('leaves every case numbered, the counter gap-free, and the numbers in the order the reports were recorded', async () => {
    // One board, two processes: the same master key, or neither could open what the other sealed.
    const shared = { PRIVACY_MASTER_KEY: randomBytes(32).toString('base64') };
    const ports = [await freePort(), await freePort()];
    running[0] = await startApi(pg.url, ports[0]!, shared);
    running[1] = await startApi(pg.url, ports[1]!, shared);
    const director = await token('fault-director', ['director']);

    const acknowledged: Acknowledged[] = [];
    const perApi = [0, 0];
    const statuses = new Map<number | string, number>();
    let reporting = true;
    let n = 0;
    const client = async (api: number) => {
      while (reporting) {
        const pupil = `fault-pupil-${api}-${(n += 1)}`;
        try {
          const response = await fetch(`http://127.0.0.1:${ports[api]}/incidents`, {
            method: 'POST',
            headers: { authorization: `Bearer ${director}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'pupil-incident',
              schoolId: 'school-1',
              category: 'phone-violation',
              occurredAt: '2026-11-24T10:00:00+01:00',
              summary: 'Telefoon in de les',
              involved: [{ personId: pupil, personKind: 'pupil', role: 'perpetrator' }],
            }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) {
            const body = (await response.json()) as Acknowledged;
            acknowledged.push({ id: body.id, caseNumber: body.caseNumber });
            perApi[api]! += 1;
          }
        } catch {
          // The killed process's connections fail; its clients wait for it to be back.
          statuses.set('no answer', (statuses.get('no answer') ?? 0) + 1);
          await waitUntil(
            async () => !reporting || (await fetch(`http://127.0.0.1:${ports[api]}/health/live`).catch(() => undefined))?.ok === true,
            'the api',
            120_000,
          );
        }
      }
    };
    const clients = [0, 1].flatMap((api) => Array.from({ length: CLIENTS_PER_API }, () => client(api)));

    // Both at work, then the first killed mid-stream (its clients have requests in flight), then started again.
    await waitUntil(async () => perApi[0]! >= 150 && perApi[1]! >= 150, 'both apis to acknowledge reports', 120_000);
    running[0]!.child.kill('SIGKILL');
    await running[0]!.exit;
    const atKill = perApi[1]!;
    await waitUntil(async () => perApi[1]! >= atKill + 150, 'the other api to go on alone', 120_000);
    const beforeRestart = perApi[0]!;
    running[0] = await startApi(pg.url, ports[0]!, shared);
    await waitUntil(async () => perApi[0]! >= beforeRestart + 100, 'the restarted api to report again', 120_000);
    reporting = false;
    await Promise.all(clients);

    const sql = new PgSqlClient({ connectionString: pg.url, poolSize: 1 });
    try {
      const reported = await sql.query<{ stream_id: string; position: string; recorded_at: Date }>(
        "SELECT stream_id, global_position AS position, recorded_at FROM es_events WHERE type = 'IncidentReported' ORDER BY global_position",
      );
      const numbered = await sql.query<{ stream_id: string; case_number: string }>(
        "SELECT stream_id, data->>'caseNumber' AS case_number FROM es_events WHERE type = 'CaseNumbered'",
      );
      const counter = await sql.query<{ sequence: string; incident_id: string; case_number: string }>(
        `SELECT (data->>'sequence') AS sequence, data->>'incidentId' AS incident_id, data->>'caseNumber' AS case_number
           FROM es_events WHERE stream_id LIKE 'case-numbers-%' ORDER BY stream_id, stream_revision`,
      );
      const numberOf = new Map<string, string[]>();
      for (const row of numbered) numberOf.set(row.stream_id, [...(numberOf.get(row.stream_id) ?? []), row.case_number]);

      // Every case has exactly one number; none was left without.
      const unnumbered = reported.filter((row) => (numberOf.get(row.stream_id) ?? []).length !== 1).map((row) => row.stream_id);
      expect(unnumbered).toEqual([]);
      // The counter: 1..n without a gap, each number naming a case that records it; as many numbers as cases.
      expect(counter.map((row) => Number(row.sequence))).toEqual(counter.map((_, i) => i + 1));
      expect(counter).toHaveLength(reported.length);
      for (const row of counter) expect(numberOf.get(`pupil-incident-${row.incident_id}`)).toEqual([row.case_number]);
      // In the order the store recorded the reports.
      const inOrder = reported.map((row) => Number(numberOf.get(row.stream_id)![0]!.split('-')[1]));
      const outOfOrder = inOrder.filter((number, i) => i > 0 && number < inOrder[i - 1]!).length;
      expect(outOfOrder).toBe(0);
      // And by the time each case shows as reported (the caseload's `reportedAt` is the store's clock): never earlier.
      const byNumber = [...reported].sort(
        (a, b) => Number(numberOf.get(a.stream_id)![0]!.split('-')[1]) - Number(numberOf.get(b.stream_id)![0]!.split('-')[1]),
      );
      const earlier = byNumber.filter((row, i) => i > 0 && row.recorded_at.getTime() < byNumber[i - 1]!.recorded_at.getTime()).length;
      expect(earlier).toBe(0);
      // Every acknowledged report kept the number it was answered with.
      for (const { id, caseNumber } of acknowledged) expect(numberOf.get(`pupil-incident-${id}`)).toEqual([caseNumber]);
      process.stdout.write(
        `case numbers, two apis and a kill -9: ${reported.length} cases, ${acknowledged.length} acknowledged, ` +
          `answers ${JSON.stringify(Object.fromEntries(statuses))}; unnumbered 0, gaps 0, out of order 0 (by position and by time)\n`,
      );
    } finally {
      await sql.close();
    }
  }, 600_000);
});
