import { Kafka, type Admin, type Consumer, type Producer, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@casebook/platform';
import type { ConsumeOptions, InboundMessage, MessageBus, OutboundMessage, RunningConsumer, TopicSpec } from '../message-bus.port';

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: Logger;
}

/**
 * MessageBus on kafkajs 2.2.4, checked against Apache Kafka 4.1 in KRaft mode (docs/decisions.md).
 * The producer is idempotent with acks=all, so a retried send after a broker hiccup does not duplicate.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  /** For readiness probes only: no retries and short timeouts, so a silent broker fails the probe fast. */
  private readonly probe: Kafka;
  private admin: Admin | undefined;
  private adminConnected: Promise<void> | undefined;
  private producer: Producer | undefined;
  private producerConnected: Promise<void> | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(options: KafkaMessageBusOptions) {
    const logger = options.logger;
    this.probe = new Kafka({
      clientId: `${options.clientId}-probe`,
      brokers: [...options.brokers],
      connectionTimeout: 1_000,
      requestTimeout: 1_500,
      retry: { retries: 0 },
      logLevel: KafkaLogLevel.NOTHING,
    });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3_000,
      retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 5_000 },
      logLevel: KafkaLogLevel.WARN,
      // kafkajs logs through our logger; its entries carry client state, never message payloads.
      logCreator: () => (entry: LogEntry) => {
        if (!logger) return;
        const { message, ...rest } = entry.log;
        const fields = { component: 'kafka', namespace: entry.namespace, broker: rest['broker'], error: rest['error'] };
        if (entry.level <= KafkaLogLevel.ERROR) logger.error(fields, message);
        else logger.warn(fields, message);
      },
    });
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
      })),
    });
  }

  async send(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((message) => ({ key: message.key, value: message.value, headers: { ...message.headers } })),
    });
  }

  async consume(options: ConsumeOptions): Promise<RunningConsumer> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    this.consumers.add(consumer);
    for (const topic of options.topics) {
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
    }
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
        const inbound: InboundMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: decodeHeaders(message.headers),
        };
        await options.handler(inbound);
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<{ brokers: number }> {
    const admin = this.probe.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect().catch(() => undefined)));
    this.consumers.clear();
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.admin = undefined;
  }

  // Clients are kept from before they connect, so close() can also end a connection attempt in flight;
  // a failed attempt is forgotten so the next call tries again.
  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin;
      this.adminConnected = admin.connect().catch((error: unknown) => {
        if (this.admin === admin) this.admin = undefined;
        throw error;
      });
    }
    const admin = this.admin;
    await this.adminConnected;
    return admin;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      this.producer = producer;
      this.producerConnected = producer.connect().catch((error: unknown) => {
        if (this.producer === producer) this.producer = undefined;
        throw error;
      });
    }
    const producer = this.producer;
    await this.producerConnected;
    return producer;
  }
}

function decodeHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Buffer.isBuffer(value)) decoded[name] = value.toString('utf8');
    else if (typeof value === 'string') decoded[name] = value;
  }
  return decoded;
}
