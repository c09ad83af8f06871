import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@casebook/audit';
import { ReadModelsModule } from '@casebook/projections';
import { IntegrationEventsHost, type Runtime, RuntimeModule, SubscriptionHost } from '@casebook/runtime';

/**
 * The worker's table of contents: the projections of the read models, the global audit chain's sealer,
 * event-store subscriptions (the Kafka relay) and Kafka consumers.
 */
@Module({})
export class WorkerModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        RuntimeModule.forRuntime(runtime),
        ReadModelsModule.forRuntime(runtime, { runProjections: true }),
        AuditModule.forRuntime(runtime, { runSealer: true }),
      ],
      providers: [SubscriptionHost, IntegrationEventsHost],
    };
  }
}
