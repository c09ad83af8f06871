import { PostgresEventStore, newEventId } from '@casebook/event-store';
import { DEFAULT_POLICY, DeviceOverdueWatch, type RecordedDomainEvent, buildHandlers } from '@casebook/incidents';
import { PgliteSqlClient, createLogger } from '@casebook/platform';
import { IDS, writeScriptedHistory } from '../../../projections/src/scripted-history.fixtures';
import { ContractValidator } from '../contracts/contract-validator';
import { CONTRACT_LIST } from '../contracts/integration-event-contracts';
import type { MessageBus, OutboundMessage } from '../message-bus.port';
import { toIntegrationMessages } from './integration-event-mapper';
import { KafkaRelay } from './kafka-relay';

// Every message the relay would produce for a history that touches every rule fits its contract, carries no
// free text, and together they cover all nine contracts. The broker itself is the subject of
// test/e2e/kafka-relay.e2e-spec.ts; here a recording bus stands in for it, to see exactly what would be sent.
describe('integration events for a scripted history', () => {
  it('maps every domain event to messages that fit their contracts, covering all nine', async () => {
    const sql = await PgliteSqlClient.open();
    const store = await PostgresEventStore.open(sql);
    await KafkaRelay.migrate(sql);
    await writeScriptedHistory(store);
    const at = new Date().toISOString();
    await store.appendToStream(
      `pupil-incident-${IDS.pupilCase}`,
      [
        {
          eventId: newEventId(),
          type: 'IncidentClosed',
          schemaVersion: 1,
          data: { outcome: 'Handled with the parents', rationale: null, closedBy: 'staff-dir-1' },
          metadata: { actorId: 'staff-dir-1', actorRole: 'director', schoolId: 'school-1', correlationId: 'x', causationId: null, occurredAt: at },
        },
      ],
      { expectedRevision: 'any' },
    );

    // M6: the phone not returned, a month on: the write side records it overdue, and the relay relays that event.
    await DeviceOverdueWatch.migrate(sql);
    const watch = new DeviceOverdueWatch(sql, store, buildHandlers(store, DEFAULT_POLICY));
    await watch.consumer.catchUp();
    expect(await watch.flagDue(new Date(Date.now() + 30 * 86_400_000))).toBe(1);

    const sent: OutboundMessage[] = [];
    const recording = { send: async (_topic: string, messages: readonly OutboundMessage[]) => void sent.push(...messages) } as unknown as MessageBus;
    const relay = new KafkaRelay({ sql, store, bus: recording, topic: 'unused', logger: createLogger('silent'), batchSize: 7 });
    while ((await relay.step()) !== 0);

    const validator = new ContractValidator();
    const messages = sent.map((m) => JSON.parse(m.value) as { type: string; eventId: string });
    for (const message of messages) expect(validator.problems(message)).toEqual([]);
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(CONTRACT_LIST.map((c) => c.type)));
    expect(new Set(messages.map((m) => m.eventId)).size).toBe(messages.length);
    // Privacy: names, summaries and reasons of the history never leave.
    expect(JSON.stringify(sent)).not.toMatch(/Noor|Threatening|Letter to both|Chain mail|Private messages|Handled with/);
    expect(sent.find((m) => JSON.parse(m.value).type === 'device-custody-overdue.v1')).toMatchObject({ key: 'pupil-2' });
    const reported = (await store.readStream(`pupil-incident-${IDS.pupilCase}`))[0]!;
    expect(toIntegrationMessages({ ...reported, type: 'ScopeAssessed' } as RecordedDomainEvent as Parameters<typeof toIntegrationMessages>[0])).toEqual([]);
    await store.close();
    await sql.close();
  });
});
