import { randomBytes } from 'node:crypto';
import { type NewEvent, PostgresEventStore, newEventId } from '@casebook/event-store';
import { PgliteSqlClient } from '@casebook/platform';
import { PersonKeyStore } from './keys/person-key-store';
import { PrivacyEventStore } from './privacy-event-store';
import { UndeclaredEventTypeError } from './sealing/personal-data-declarations';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: newEventId(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actorId: 'staff-1',
    actorRole: 'director',
    schoolId: 'school-1',
    correlationId: 'privacy-test',
    causationId: null,
    occurredAt: new Date().toISOString(),
  },
});

// Issue #15: privacy fails closed. Which fields are personal, every event type declares; an event of a type with no
// declaration is refused before anything is stored, rather than kept with whatever it holds in clear.
describe('the privacy store', () => {
  it('seals the declared texts, passes the undeclared-as-personal fields, and refuses an undeclared event type', async () => {
    const sql = await PgliteSqlClient.open();
    const inner = await PostgresEventStore.open(sql);
    const store = new PrivacyEventStore(
      inner,
      await PersonKeyStore.open(sql, randomBytes(32)),
      { NoteTaken: { texts: ['note'] }, Counted: { texts: [] } },
      async () => ['pupil-1'],
    );
    try {
      await store.appendToStream('pupil-conduct-pupil-1', [event('NoteTaken', { note: 'Huilde in de klas', kind: 'note' })], { expectedRevision: 'no-stream' });
      await store.appendToStream('pupil-conduct-pupil-1', [event('Counted', { count: 3 })], { expectedRevision: 0 });
      const [noted, counted] = await inner.readStream('pupil-conduct-pupil-1');
      expect(noted!.data).toMatchObject({ note: expect.stringMatching(/^enc:v1:pupil-1\./), kind: 'note' });
      expect(counted!.data).toEqual({ count: 3 });

      const undeclared = store.appendToStream('pupil-conduct-pupil-1', [event('SomethingNew', { story: 'in clear?' })], { expectedRevision: 1 });
      await expect(undeclared).rejects.toBeInstanceOf(UndeclaredEventTypeError);
      expect(() => store.appendToNewStreams!([{ streamId: 'access-log-x', events: [event('SomethingNew', {})] }])).toThrow(UndeclaredEventTypeError);
      expect(await inner.readStream('pupil-conduct-pupil-1')).toHaveLength(2);
      expect(await inner.readStream('access-log-x')).toEqual([]);
    } finally {
      await inner.close();
      await sql.close();
    }
  });
});
