/**
 * `npm run bench:relay`: against the real broker (KAFKA_BROKERS) and the PostgreSQL server (BENCH_DATABASE_URL or
 * DATABASE_URL, a scratch database). (1) Appends BENCH_RELAY_EVENTS (100000) events, then times the relay from
 * start to the last broker ack: relay throughput. (2) Appends at BENCH_RELAY_RATE (1000) events/s for
 * BENCH_RELAY_SECONDS (10) with the relay and a consumer running, and prints append → consumer latency
 * p50/p99. Figures only; nothing asserted.
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, newEventId, type NewEvent } from '@casebook/event-store';
import { KafkaMessageBus, KafkaRelay } from '@casebook/messaging';
import { PgSqlClient, createLogger, createScratchDatabase } from '@casebook/platform';
import { reportResult } from './bench-workloads';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

function warning(pupilId: string, sentAt: number): NewEvent {
  const actionId = randomUUID();
  const at = new Date(sentAt).toISOString();
  return {
    eventId: newEventId(),
    type: 'EmailUseWarned',
    schemaVersion: 1,
    data: {
      actionId,
      pupilId,
      schoolId: 'school-1',
      reason: 'Chain mail',
      obligations: [{ obligationId: randomUUID(), kind: 'inform-parents', regarding: actionId, dueAt: at }],
    },
    metadata: { actorId: 'bench', actorRole: 'director', schoolId: 'school-1', correlationId: String(sentAt), causationId: null, occurredAt: at },
  };
}

async function main(): Promise<void> {
  const server = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const brokers = process.env['KAFKA_BROKERS'];
  if (!server || !brokers) throw new Error('bench:relay needs DATABASE_URL (or BENCH_DATABASE_URL) and KAFKA_BROKERS');
  const database = await createScratchDatabase(server, 'bench_relay');
  const sql = new PgSqlClient({ connectionString: database.url, poolSize: 16 });
  const bus = new KafkaMessageBus({ brokers: brokers.split(','), clientId: 'bench-relay' });
  const logger = createLogger('warn');
  try {
    const store = await PostgresEventStore.open(sql);
    await KafkaRelay.migrate(sql);
    const topic = `bench.relay.${randomUUID()}`;
    await bus.ensureTopics([{ topic, partitions: 6, replicationFactor: 1 }]);

    const total = env('BENCH_RELAY_EVENTS', 100_000);
    let next = 0;
    const writer = async () => {
      for (let i = next; i < total; i = next) {
        next += 100;
        const batch = Array.from({ length: Math.min(100, total - i) }, (_, j) => warning(`pupil-${(i + j) % 5000}`, Date.now()));
        await store.appendToStream(`pupil-conduct-bench-${i}`, batch, { expectedRevision: 'no-stream' });
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    const relay = new KafkaRelay({ sql, store, bus, topic, logger, batchSize: env('BENCH_RELAY_BATCH', 5_000), name: 'bench' });
    const started = Date.now();
    let produced = 0;
    for (let step = await relay.step(); step !== 0; step = await relay.step()) produced += Math.max(step, 0);
    const ms = Date.now() - started;
    console.log(
      `relay throughput: ${produced} messages from ${total} events, append → broker ack, in ${ms} ms = ${Math.round((total / ms) * 1000)} events/s (goal ≥ 10000)`,
    );
    reportResult('relay throughput, append → broker ack', `${Math.round((total / ms) * 1000)} events/s`, '≥ 10000 events/s', (total / ms) * 1000 >= 10_000);

    // Latency at a steady rate: relay running, a consumer timing each message from its append.
    const rate = env('BENCH_RELAY_RATE', 1000);
    const seconds = env('BENCH_RELAY_SECONDS', 10);
    const latencies: number[] = [];
    const consumer = await bus.consume({
      groupId: `bench-${randomUUID()}`,
      topics: [topic],
      fromBeginning: false,
      handler: async (message) => {
        const sentAt = Number(message.headers['correlation-id']);
        if (sentAt >= started + ms) latencies.push(Date.now() - sentAt);
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the consumer joins its group
    const live = new KafkaRelay({ sql, store, bus, topic, logger, batchSize: 500, name: 'bench', pollIntervalMs: 10 });
    live.start();
    const sendStart = Date.now();
    let sent = 0;
    while (Date.now() - sendStart < seconds * 1000) {
      const due = Math.floor(((Date.now() - sendStart) / 1000) * rate);
      const appends: Promise<unknown>[] = [];
      for (; sent < due; sent++)
        appends.push(store.appendToStream(`pupil-conduct-live-${sent}`, [warning(`pupil-${sent}`, Date.now())], { expectedRevision: 'no-stream' }));
      await Promise.all(appends);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await live.stop();
    await consumer.stop();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(
      `latency at ${rate} events/s for ${seconds} s: ${latencies.length} of ${sent} received, append → consumer p50 ${pct(50)} ms, p99 ${pct(99)} ms (goal p99 ≤ 500 ms)`,
    );
    reportResult(
      `relay latency at ${rate} events/s, append → consumer p99`,
      `${pct(99)} ms`,
      '≤ 500 ms',
      latencies.length === sent && (pct(99) ?? Infinity) <= 500,
    );
    await store.close();
  } finally {
    await bus.close();
    await sql.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
