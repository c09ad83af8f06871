import { type HealthIndicator, type DependencyHealth, describeError } from '@casebook/platform';
import type { MessageBus } from '../message-bus.port';

/** Kafka's readiness when it is configured; `disabled` (not a failure) in the embedded default without it. */
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name = 'kafka';

  constructor(private readonly bus: MessageBus | undefined) {}

  async check(): Promise<DependencyHealth> {
    if (!this.bus) return { status: 'disabled', detail: 'KAFKA_BROKERS is not set: integration events are not relayed' };
    try {
      const { brokers } = await this.bus.ping();
      return { status: 'up', brokers };
    } catch (error) {
      return { status: 'down', detail: describeError(error) };
    }
  }
}
