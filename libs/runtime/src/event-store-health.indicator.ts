import { type DependencyHealth, type HealthIndicator, describeError } from '@casebook/platform';
import type { EventStore } from '@casebook/event-store';

export class EventStoreHealthIndicator implements HealthIndicator {
  readonly name = 'eventStore';

  constructor(private readonly store: EventStore) {}

  async check(): Promise<DependencyHealth> {
    try {
      await this.store.ping();
      return { status: 'up', kind: this.store.kind };
    } catch (error) {
      return { status: 'down', kind: this.store.kind, detail: describeError(error) };
    }
  }
}
