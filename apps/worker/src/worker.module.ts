import { type DynamicModule, Module } from '@nestjs/common';
import { type Runtime, RuntimeModule, SubscriptionHost } from '@casebook/runtime';

/**
 * The worker's table of contents: event-store subscriptions (projections, the Kafka relay) and Kafka
 * consumers. The foundation has none yet; each read model and the relay register theirs here.
 */
@Module({})
export class WorkerModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return { module: WorkerModule, imports: [RuntimeModule.forRuntime(runtime)], providers: [SubscriptionHost] };
  }
}
