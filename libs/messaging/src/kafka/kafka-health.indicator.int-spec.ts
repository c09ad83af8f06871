import { createServer, type Server, type Socket } from 'node:net';
import { checkReadiness } from '@casebook/platform';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KafkaMessageBus } from './kafka-message-bus';

// Needs no broker: a configured Kafka that does not answer must make the service unready, never hang it.
describe('Kafka readiness', () => {
  let silent: Server;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: the worst kind of broken broker.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => silent.close(() => done()));
  });

  it('is disabled, not down, when Kafka is not configured', async () => {
    expect(await new KafkaHealthIndicator(undefined).check()).toMatchObject({ status: 'disabled' });
  });

  it('is down, and the service not ready, when the configured broker does not answer', async () => {
    const bus = new KafkaMessageBus({ brokers: [`127.0.0.1:${port}`], clientId: 'casebook-health-test' });
    try {
      const report = await checkReadiness([new KafkaHealthIndicator(bus)], 1_000);
      expect(report.status).toBe('not-ready');
      expect(report.dependencies['kafka']).toMatchObject({ status: 'down' });
    } finally {
      await bus.close();
    }
  });
});
