import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/app-config';

/**
 * Structured JSON logs (pino). Privacy: never log names, narratives or tokens. Request logs carry method,
 * route and status only; these paths are redacted as a second line of defence if a log call is careless.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'displayName',
  '*.displayName',
  'summary',
  '*.summary',
  'rationale',
  '*.rationale',
];

export function createLogger(level: LogLevel, name = 'casebook', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  // A destination is for tests that read what was logged (e.g. that no token ever is).
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
