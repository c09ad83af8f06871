import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditExporter, GlobalChain, GlobalChainSealer } from '@casebook/audit';
import { WriteSide } from '@casebook/incidents';
import { ProjectionHost, ReadModelCatalog } from '@casebook/projections';
import { BackgroundWork } from './background-work';
import type { Runtime } from './runtime';

export const RUNTIME = Symbol('RUNTIME');

/** Starts the background work on boot and stops it (each batch commits or rolls back whole) on shutdown. */
@Injectable()
class BackgroundWorkLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(BackgroundWork) private readonly work: BackgroundWork) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.work.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.work.stop();
  }
}

/**
 * Makes the process's Runtime and its parts injectable (`@Inject(RUNTIME)`, `WriteSide`, `ReadModelCatalog`, …).
 * The runtime is opened before Nest starts; `runBackground` starts the background work with the app.
 */
@Global()
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: Runtime, options: { readonly runBackground: boolean } = { runBackground: false }): DynamicModule {
    const work = new BackgroundWork(runtime);
    const parts = [
      { provide: RUNTIME, useValue: runtime },
      { provide: WriteSide, useValue: runtime.writeSide },
      { provide: ReadModelCatalog, useValue: runtime.readModels },
      { provide: GlobalChain, useValue: runtime.audit.chain },
      { provide: GlobalChainSealer, useValue: runtime.audit.sealer },
      { provide: AuditExporter, useValue: runtime.audit.exporter },
      { provide: BackgroundWork, useValue: work },
      { provide: ProjectionHost, useValue: work.projections },
    ];
    return {
      module: RuntimeModule,
      providers: [...parts, ...(options.runBackground ? [BackgroundWorkLifecycle] : [])],
      exports: parts.map((part) => part.provide),
    };
  }
}
