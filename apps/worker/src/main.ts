import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, loadConfig } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger('fatal', 'casebook-worker').fatal({ variable: error.variable }, error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'casebook-worker');
  if (config.database.kind === 'pglite') {
    // PGlite's files belong to one process: in the embedded default the api runs the subscriptions itself.
    logger.fatal({ variable: 'DATABASE_URL' }, 'the worker needs DATABASE_URL: the embedded database belongs to the api process');
    process.exit(78);
  }
  const runtime = await openRuntime(config, logger, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), { logger: false });
  logger.info('worker running');
  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  createLogger('fatal', 'casebook-worker').fatal({}, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
