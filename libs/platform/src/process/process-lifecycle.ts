import { type AppConfig, loadConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { DataDirInUseError } from '../database/data-dir-lock';
import { createLogger, type Logger } from '../logging/logger';

/** EX_CONFIG (sysexits.h): the process stopped because a setting is wrong. */
export const EXIT_CONFIG = 78;
/** EX_TEMPFAIL (sysexits.h): the embedded data directory is held by another process; try again once it stopped. */
export const EXIT_IN_USE = 75;

/**
 * Loads the configuration for a process, or stops it: a bad setting is logged as one fatal JSON line that
 * names the variable, and the process exits with 78 (architecture principle 10).
 */
export function configureProcessOrExit(processName: string): { config: AppConfig; logger: Logger } {
  try {
    const config = loadConfig();
    return { config, logger: createLogger(config.logLevel, processName) };
  } catch (error) {
    if (error instanceof ConfigError) exitForConfig(processName, error.variable, error.message);
    throw error;
  }
}

export function exitForConfig(processName: string, variable: string, message: string): never {
  createLogger('fatal', processName).fatal({ variable }, message);
  process.exit(EXIT_CONFIG);
}

/** On SIGINT or SIGTERM: log, run `close` (servers, subscriptions, connections), exit 0. */
export function closeOnSignals(logger: Logger, close: () => Promise<void>): void {
  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    try {
      await close();
      process.exit(0);
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The last resort of a main(): one fatal line (the error's message, no payload) and exit 1. */
export function exitOnStartupFailure(processName: string): (error: unknown) => never {
  return (error) => {
    createLogger('fatal', processName).fatal({}, error instanceof Error ? error.message : String(error));
    process.exit(error instanceof DataDirInUseError ? EXIT_IN_USE : 1);
  };
}
