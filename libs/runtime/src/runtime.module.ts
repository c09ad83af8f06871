import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Runtime } from './runtime';

export const RUNTIME = Symbol('RUNTIME');

/** Makes the process's Runtime injectable (`@Inject(RUNTIME)`). The runtime is opened before Nest starts. */
@Global()
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return { module: RuntimeModule, providers: [{ provide: RUNTIME, useValue: runtime }], exports: [RUNTIME] };
  }
}
