import { type AppConfig, createLogger } from '@casebook/platform';
import { type Runtime, openRuntime } from '@casebook/runtime';

/**
 * Opens the runtime as the api and the worker do (openRuntime: migrations, the privacy store, the read models, the
 * write side), runs `work`, and closes it. Its log lines go to stderr, at warn unless LOG_LEVEL asks for less, so
 * stdout holds only the command's own output. In the embedded default, opening fails with DataDirInUseError while
 * the api holds the data directory (main.ts says what to do).
 */
export async function withRuntime<T>(config: AppConfig, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const level = config.logLevel === 'info' || config.logLevel === 'debug' || config.logLevel === 'trace' ? 'warn' : config.logLevel;
  const runtime = await openRuntime(config, createLogger(level, 'casebook-cli', process.stderr), 'cli');
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
