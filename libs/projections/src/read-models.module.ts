import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME, type Runtime, RuntimeModule } from '@casebook/runtime';
import { READ_MODELS } from './read-models';
import { ProjectionHost } from './runtime/projection-host';
import { ReadModelCatalog } from './runtime/read-model-catalog';
import { RetentionHost } from './privacy-register/retention.host';

/** Starts the projections on boot and stops them (each batch commits or rolls back whole) on shutdown. */
@Injectable()
export class ProjectionHostLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ProjectionHost) private readonly host: ProjectionHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }
}

@Injectable()
class CatalogLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog) {}

  async onApplicationShutdown(): Promise<void> {
    await this.catalog.close();
  }
}

/**
 * The read models for a process: the catalog (reads) always; the projection host (writes) where this process
 * runs the projections — the worker, or the api in the embedded default.
 */
@Module({})
export class ReadModelsModule {
  static forRuntime(runtime: Runtime, options: { readonly runProjections: boolean }): DynamicModule {
    return {
      module: ReadModelsModule,
      imports: [RuntimeModule.forRuntime(runtime)],
      providers: [
        { provide: ReadModelCatalog, useFactory: (rt: Runtime) => ReadModelCatalog.open(rt.sql, READ_MODELS), inject: [RUNTIME] },
        CatalogLifecycle,
        {
          provide: ProjectionHost,
          useFactory: (catalog: ReadModelCatalog, rt: Runtime) =>
            new ProjectionHost(catalog, rt.eventStore, rt.logger, { pollIntervalMs: rt.config.subscriptions.pollIntervalMs }),
          inject: [ReadModelCatalog, RUNTIME],
        },
        // The retention job runs where the projections run: it reads the privacy register they keep.
        ...(options.runProjections ? [ProjectionHostLifecycle, RetentionHost] : []),
      ],
      exports: [ReadModelCatalog, ProjectionHost],
    };
  }
}
