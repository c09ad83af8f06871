import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, configureProcessOrExit, exitForConfig, exitOnStartupFailure } from '@casebook/platform';
import { serveMetrics } from '@casebook/projections';
import { BackgroundWork, openRuntime } from '@casebook/runtime';
import { WorkerModule } from './worker.module';

const PROCESS_NAME = 'casebook-worker';

async function main(): Promise<void> {
  const { config, logger } = configureProcessOrExit(PROCESS_NAME);
  if (config.database.kind === 'pglite') {
    // PGlite's files belong to one process: in the embedded default the api hosts the subscriptions itself.
    exitForConfig(PROCESS_NAME, 'DATABASE_URL', 'the worker needs DATABASE_URL: the embedded database belongs to the api process');
  }
  const runtime = await openRuntime(config, logger, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), { logger: false });
  await app.init();
  const metrics = config.metrics.port > 0 ? await serveMetrics(app.get(BackgroundWork).metrics(), config.metrics.port, config.http.host, logger) : undefined;
  // The background work's timers do not hold the process open (BatchLoop): the worker holds itself until a signal.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  logger.info('worker running');
  closeOnSignals(logger, async () => {
    clearInterval(keepAlive);
    metrics?.close();
    await app.close();
    await runtime.close();
  });
}

main().catch(exitOnStartupFailure(PROCESS_NAME));
