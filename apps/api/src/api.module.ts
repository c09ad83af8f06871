import { type DynamicModule, Module } from '@nestjs/common';
import { RUNTIME, type Runtime, RuntimeModule, SubscriptionHost } from '@casebook/runtime';
import { HealthController } from './health/health.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { DeviceCustodyController } from './pupils/device-custody.controller';
import { EmailAccountController } from './pupils/email-account.controller';

/** The HTTP app's table of contents. Feature modules (incidents, read models, ...) are added here. */
@Module({})
export class ApiModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    // Embedded default: no separate worker can open PGlite's files, so this process hosts the subscriptions.
    const embedded = runtime.config.database.kind === 'pglite';
    return {
      module: ApiModule,
      imports: [RuntimeModule.forRuntime(runtime)],
      controllers: [HealthController, IncidentsController, DeviceCustodyController, EmailAccountController],
      providers: [
        { provide: IdempotencyStore, useFactory: (rt: Runtime) => new IdempotencyStore(rt.sql), inject: [RUNTIME] },
        IdempotencyInterceptor,
        ...(embedded ? [SubscriptionHost] : []),
      ],
    };
  }
}
