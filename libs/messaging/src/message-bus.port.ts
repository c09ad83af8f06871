/**
 * The messaging port: what the product needs of a broker, whatever client implements it. Messages carry
 * integration events only (ids, categories, due times), never names or narratives (domain spec, Privacy).
 */
export interface OutboundMessage {
  /** Partitioning key: the case or pupil id, so one case's messages stay in order. */
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface InboundMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

export interface ConsumeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly fromBeginning?: boolean;
  /** Resolving commits the message's offset; throwing makes the broker redeliver it. */
  readonly handler: (message: InboundMessage) => Promise<void>;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

export interface MessageBus {
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas (acks = all, idempotent producer). */
  send(topic: string, messages: readonly OutboundMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<RunningConsumer>;
  /** For readiness probes: resolves when the cluster answers. */
  ping(): Promise<{ brokers: number }>;
  close(): Promise<void>;
}
