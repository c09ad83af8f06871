import { randomUUID } from 'node:crypto';
import { describeWithService, waitUntil } from '@casebook/testing';
import type { InboundMessage } from '../message-bus.port';
import { KafkaMessageBus } from './kafka-message-bus';

// Smoke test of the path to the real broker that .ci/run starts (infra/kafka): create a topic, produce,
// consume, through the messaging port. Proves kafkajs talks to Kafka 4 before any feature depends on it.
describeWithService('kafka', 'Kafka message bus', (brokers) => {
  let bus: KafkaMessageBus;

  beforeAll(() => {
    bus = new KafkaMessageBus({ brokers: brokers.split(','), clientId: 'casebook-smoke' });
  });
  afterAll(async () => {
    await bus.close();
  });

  it('reports the cluster', async () => {
    expect((await bus.ping()).brokers).toBeGreaterThanOrEqual(1);
  });

  it('produces one message and consumes it with its key and headers', async () => {
    const topic = `casebook.smoke.${randomUUID()}`;
    await bus.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]);
    await bus.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]); // idempotent on restart

    const received: InboundMessage[] = [];
    const consumer = await bus.consume({
      groupId: `smoke-${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async (message) => void received.push(message),
    });
    const caseId = randomUUID();
    await bus.send(topic, [{ key: caseId, value: JSON.stringify({ caseId }), headers: { 'event-type': 'smoke-tested.v1' } }]);
    await waitUntil(() => received.length === 1, 'the smoke message', 60_000);
    await consumer.stop();

    expect(received[0]).toMatchObject({
      topic,
      key: caseId,
      value: JSON.stringify({ caseId }),
      headers: { 'event-type': 'smoke-tested.v1' },
    });
  });
});
