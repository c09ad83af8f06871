import { Test } from '@nestjs/testing';
import { type NewEvent, type RecordedEvent, newEventId } from '@casebook/event-store';
import { createLogger, loadConfig } from '@casebook/platform';
import { waitUntil } from '@casebook/testing';
import { openRuntime, type Runtime } from './runtime';
import { RuntimeModule } from './runtime.module';
import { SUBSCRIPTIONS, SubscriptionHost } from './subscription-host';

// The host starts what it is given on boot, delivers events to it, and saves its checkpoint on shutdown.
describe('subscription host', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    const config = loadConfig({ SUBSCRIPTION_POLL_MS: '20' });
    // An empty dataDir opens PGlite in memory: nothing of this test lands under ./.data.
    runtime = await openRuntime({ ...config, database: { kind: 'pglite', dataDir: '' } }, createLogger('silent'), 'test');
  });
  afterAll(() => runtime.close());

  it('runs the provided subscriptions and checkpoints them when the app closes', async () => {
    const seen: RecordedEvent[] = [];
    const moduleRef = await Test.createTestingModule({
      imports: [RuntimeModule.forRuntime(runtime)],
      providers: [
        SubscriptionHost,
        { provide: SUBSCRIPTIONS, useValue: [{ name: 'host-test', from: 'start', handler: async (e: RecordedEvent) => void seen.push(e) }] },
      ],
    }).compile();
    await moduleRef.init();

    const event: NewEvent = {
      eventId: newEventId(),
      type: 'thing-happened',
      schemaVersion: 1,
      data: {},
      metadata: { actorId: 'a', actorRole: 'board', schoolId: null, correlationId: newEventId(), causationId: null, occurredAt: new Date().toISOString() },
    };
    const { position } = await runtime.eventStore.appendToStream('pupil-incident-host-1', [event], { expectedRevision: 'no-stream' });
    await waitUntil(() => seen.length === 1, 'the hosted subscription to handle the event');
    await moduleRef.close();

    const saved = await runtime.sql.query<{ position: string }>(`SELECT position FROM es_checkpoints WHERE subscription_name = 'host-test'`);
    expect(Number(saved[0]?.position)).toBe(position);
  });
});
