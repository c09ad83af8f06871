import 'reflect-metadata';
import { closeOnSignals, configureProcessOrExit, exitOnStartupFailure } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { createApiApp } from './create-api-app';

const PROCESS_NAME = 'casebook-api';

async function main(): Promise<void> {
  const { config, logger } = configureProcessOrExit(PROCESS_NAME);
  const runtime = await openRuntime(config, logger, 'api');
  const app = await createApiApp(runtime);
  await app.listen(config.http.port, config.http.host);
  logger.info({ url: `http://${config.http.host}:${config.http.port}`, docs: '/docs' }, 'api listening');
  closeOnSignals(logger, async () => {
    await app.close();
    await runtime.close();
  });
}

main().catch(exitOnStartupFailure(PROCESS_NAME));
