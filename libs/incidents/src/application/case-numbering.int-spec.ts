import { randomUUID } from 'node:crypto';
import { type EventStore, PostgresEventStore, streamIds } from '@casebook/event-store';
import { PgSqlClient, PgliteSqlClient, createScratchDatabase } from '@casebook/platform';
import { describeWithService } from '@casebook/testing';
import type { CaseNumberAssigned } from '../domain/case-number/case-number.events';
import { CaseNumbering } from './case-numbering';

const context = { actor: { id: 'staff-dir-1', role: 'director' as const, schools: ['school-1'] }, now: '2026-11-02T09:30:00.000Z' };
const meta = () => ({ correlationId: randomUUID(), causationId: null });
const claim = (incidentId: string) => ({ incidentId, caseKind: 'pupil-incident' as const, reportedAt: context.now });

/**
 * Domain.md "case number": unique and gap-free, also when many are reported at once. A process batches its own
 * claims (decisions #100); these are several processes' numberings on one store, as replicas of the api are, so
 * only the store's optimistic check keeps them apart.
 */
function describeCounter(open: () => Promise<{ store: EventStore; close: () => Promise<void> }>): void {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await open()));
  afterAll(() => close());

  const counter = async () => (await store.readStream(streamIds.caseNumbers(2026))).map((e) => e.data as CaseNumberAssigned['data']);

  it("gives three processes' claims at once distinct numbers, 1..n on the counter without a gap, each case once", async () => {
    const processes = [0, 1, 2].map(() => new CaseNumbering(store, 'Europe/Amsterdam'));
    const before = (await counter()).length;
    const claims = Array.from({ length: 60 }, (_, i) => ({ process: processes[i % 3]!, incidentId: randomUUID() }));
    const numbers = await Promise.all(claims.map(({ process, incidentId }) => process.assign(claim(incidentId), context, meta())));
    expect(new Set(numbers).size).toBe(60);
    const assigned = await counter();
    expect(assigned.map((a) => a.sequence)).toEqual(assigned.map((_, i) => i + 1));
    expect(assigned).toHaveLength(before + 60);
    claims.forEach(({ incidentId }, i) => expect(assigned.filter((a) => a.incidentId === incidentId).map((a) => a.caseNumber)).toEqual([numbers[i]]));
  });

  it('answers a case its own number again, also from a process that has not seen the counter since', async () => {
    const [first, second] = [new CaseNumbering(store, 'Europe/Amsterdam'), new CaseNumbering(store, 'Europe/Amsterdam')];
    const incidentId = randomUUID();
    await second.assign(claim(randomUUID()), context, meta()); // `second` has read the counter, and is now behind:
    const own = await first.assign(claim(incidentId), context, meta());
    const next = await first.assign(claim(randomUUID()), context, meta());
    expect(await second.assign(claim(incidentId), context, meta())).toBe(own);
    const after = await second.assign(claim(randomUUID()), context, meta());
    expect(Number(after.slice(5))).toBe(Number(next.slice(5)) + 1);
    expect((await counter()).filter((a) => a.incidentId === incidentId)).toHaveLength(1);
  });
}

describe('case numbers on PGlite', () => {
  describeCounter(async () => {
    const sql = await PgliteSqlClient.open();
    const store = await PostgresEventStore.open(sql);
    return {
      store,
      close: async () => {
        await store.close();
        await sql.close();
      },
    };
  });
});

describeWithService('postgres', 'case numbers on the PostgreSQL server', (serverUrl) => {
  describeCounter(async () => {
    const database = await createScratchDatabase(serverUrl, 'case_numbers');
    const sql = new PgSqlClient({ connectionString: database.url, poolSize: 8 });
    const store = await PostgresEventStore.open(sql);
    return {
      store,
      close: async () => {
        await store.close();
        await sql.close();
        await database.drop();
      },
    };
  });
});
