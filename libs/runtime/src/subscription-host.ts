import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { SubscribeOptions, Subscription } from '@casebook/event-store';
import { RUNTIME } from './runtime.module';
import type { Runtime } from './runtime';

/** The subscriptions a process hosts: `{ provide: SUBSCRIPTIONS, useFactory: (...) => [...] }`. */
export const SUBSCRIPTIONS = Symbol('SUBSCRIPTIONS');

/**
 * Starts the event-store subscriptions (projections, the Kafka relay) on boot and stops them, saving their
 * checkpoints, on shutdown. Hosted by the worker; in the embedded default by the api process itself, since
 * PGlite's files belong to one process.
 */
@Injectable()
export class SubscriptionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running: Subscription[] = [];

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    /** Provided by the app module from its feature modules (projections, relay); none in the foundation. */
    @Optional() @Inject(SUBSCRIPTIONS) private readonly subscriptions: readonly SubscribeOptions[] = [],
  ) {}

  onApplicationBootstrap(): void {
    for (const options of this.subscriptions) {
      this.running.push(
        this.runtime.eventStore.subscribe({
          ...options,
          onError: (error, event) =>
            this.runtime.logger.warn(
              { subscription: options.name, position: event?.globalPosition, error: error instanceof Error ? error.message : String(error) },
              'subscription retrying',
            ),
        }),
      );
    }
    this.runtime.logger.info({ subscriptions: this.running.map((s) => s.name) }, 'worker subscriptions started');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((subscription) => subscription.stop()));
  }
}
