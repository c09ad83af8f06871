import { type DynamicModule, Module } from '@nestjs/common';
import { type Runtime, RuntimeModule } from '@casebook/runtime';

/**
 * The worker's table of contents: the background work of libs/runtime — the read models' projections, the global
 * audit chain's sealer, the M6 overdue watch, retention, and with Kafka the relay and the reminder consumer.
 */
@Module({})
export class WorkerModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return { module: WorkerModule, imports: [RuntimeModule.forRuntime(runtime, { runBackground: true })] };
  }
}
