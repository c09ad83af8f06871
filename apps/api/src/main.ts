import 'reflect-metadata';
import { closeOnSignals, configureProcessOrExit, exitOnStartupFailure } from '@casebook/platform';
import { serveMetrics } from '@casebook/projections';
import { BackgroundWork, openRuntime } from '@casebook/runtime';
import { createApiApp } from './create-api-app';

const PROCESS_NAME = 'casebook-api';

async function main(): Promise<void> {
  const { config, logger } = configureProcessOrExit(PROCESS_NAME);
  const runtime = await openRuntime(config, logger, 'api');
  const app = await createApiApp(runtime);
  await app.listen(config.http.port, config.http.host);
  logger.info({ url: `http://${config.http.host}:${config.http.port}`, docs: '/docs' }, 'api listening');
  // The embedded default runs the background work here, so it exports its metrics; on a server the worker does.
  const metrics =
    config.database.kind === 'pglite' && config.metrics.port > 0
      ? await serveMetrics(app.get(BackgroundWork).metrics(), config.metrics.port, config.http.host, logger)
      : undefined;
  closeOnSignals(logger, async () => {
    metrics?.close();
    await app.close();
    await runtime.close();
  });
}

main().catch(exitOnStartupFailure(PROCESS_NAME));
