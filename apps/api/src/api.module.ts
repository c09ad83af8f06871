import { type DynamicModule, Module } from '@nestjs/common';
import { type Runtime, RuntimeModule } from '@casebook/runtime';
import { HealthController } from './health/health.controller';

/** The HTTP app's table of contents. Feature modules (incidents, read models, ...) are added here. */
@Module({})
export class ApiModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return { module: ApiModule, imports: [RuntimeModule.forRuntime(runtime)], controllers: [HealthController] };
  }
}
