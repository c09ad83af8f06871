import { randomUUID } from 'node:crypto';
import { type EventStore, PostgresEventStore } from '@casebook/event-store';
import { PgSqlClient, PgliteSqlClient, type SqlClient, createScratchDatabase } from '@casebook/platform';
import { describeWithService } from '@casebook/testing';
import type { TakeDeviceIntoCustody } from '../domain/pupil-conduct/pupil-conduct.commands';
import type { DeviceTakenIntoCustody } from '../domain/pupil-conduct/pupil-conduct.events';
import { DEFAULT_POLICY } from '../domain/shared/command-context';
import { streamIds } from '@casebook/event-store';
import { pupilConductHandler } from './handlers';

const director = { id: 'staff-dir-1', role: 'director' as const, schools: ['school-1'] };

function custody(pupilId: string): TakeDeviceIntoCustody {
  const id = randomUUID();
  return {
    type: 'TakeDeviceIntoCustody',
    context: { actor: director, now: '2026-11-02T09:30:00.000Z' },
    data: {
      custodyId: id,
      informParentsObligationId: randomUUID(),
      returnObligationId: randomUUID(),
      pupilId,
      schoolId: 'school-1',
      device: 'phone',
      conditionChecked: { damage: 'none', working: true },
      takenAt: '2026-11-02T09:30:00.000Z',
      pupilPresent: true,
      switchedOff: true,
      endOfSchoolDay: '2026-11-02T14:30:00.000Z',
      endOfNextSchoolDay: '2026-11-03T14:30:00.000Z',
    },
  };
}

/** M5 under concurrency: custody commands for one pupil at the same moment are offences n and n+1. */
function describeM5(open: () => Promise<{ store: EventStore; close: () => Promise<void> }>): void {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await open()));
  afterAll(() => close());

  it('numbers two custodies registered at the same moment as offences 1 and 2, never both 1, over many rounds (M5)', async () => {
    const handler = pupilConductHandler(store, DEFAULT_POLICY);
    for (let round = 0; round < 30; round++) {
      const pupilId = `pupil-${randomUUID()}`;
      const results = await Promise.all(
        [custody(pupilId), custody(pupilId)].map((command) =>
          handler.handle(streamIds.pupilConduct(pupilId), command, { correlationId: randomUUID(), causationId: null }),
        ),
      );
      const offences = results.map((result) => {
        if (result.outcome !== 'accepted') throw new Error(`refused: ${JSON.stringify(result)}`);
        return (result.events[0] as DeviceTakenIntoCustody).data.offenceNumber;
      });
      expect(offences.sort()).toEqual([1, 2]);
      const stream = await store.readStream(streamIds.pupilConduct(pupilId));
      expect(stream.map((e) => (e.data as DeviceTakenIntoCustody['data']).offenceNumber)).toEqual([1, 2]);
      // Every event records actor, role, school, correlation and causation ids (issue #3, item 3).
      expect(stream[0]!.metadata).toMatchObject({ actorId: director.id, actorRole: 'director', schoolId: 'school-1', occurredAt: '2026-11-02T09:30:00.000Z' });
    }
  });

  it('fails with the actual revision instead of retrying when the client sent If-Match', async () => {
    const handler = pupilConductHandler(store, DEFAULT_POLICY);
    const pupilId = `pupil-${randomUUID()}`;
    await handler.handle(streamIds.pupilConduct(pupilId), custody(pupilId), { correlationId: randomUUID(), causationId: null });
    const stale = await handler.handle(streamIds.pupilConduct(pupilId), custody(pupilId), {
      correlationId: randomUUID(),
      causationId: null,
      expectedRevision: -1,
    });
    expect(stale).toEqual({ outcome: 'precondition-failed', actualRevision: 0 });
  });
}

describe('pupil conduct commands on PGlite', () => {
  describeM5(async () => {
    const sql: SqlClient = await PgliteSqlClient.open();
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

describeWithService('postgres', 'pupil conduct commands on the PostgreSQL server', (serverUrl) => {
  describeM5(async () => {
    const database = await createScratchDatabase(serverUrl, 'm5');
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
