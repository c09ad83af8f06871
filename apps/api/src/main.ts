import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // A bad setting stops the process and names the variable (architecture principle 10).
      createLogger('fatal', 'casebook-api').fatal({ variable: error.variable }, error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'casebook-api');
  const runtime = await openRuntime(config, logger, 'api');
  const app = await createApiApp(runtime);
  await app.listen(config.http.port, config.http.host);
  logger.info({ url: `http://${config.http.host}:${config.http.port}`, docs: '/docs' }, 'api listening');

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
  createLogger('fatal', 'casebook-api').fatal({ error: error instanceof Error ? error.name : 'unknown' }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
