import { createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { type Env, hostPortList, integer, oneOf, optionalString, url } from './env-readers';
import { type OidcConfig, oidcConfig } from './oidc-config';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Where the events live. Read models always live in PostgreSQL (server or embedded). */
export type EventStoreConfig = { readonly kind: 'postgres' } | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** PostgreSQL server when DATABASE_URL is set, otherwise PGlite with its files under DATA_DIR. */
export type DatabaseConfig =
  { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number } | { readonly kind: 'pglite'; readonly dataDir: string };

export interface AppConfig {
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Requests per minute per actor (the token's verified `sub`; per client address without a valid token); 0 = no limit. */
    readonly rateLimitPerMinute: number;
    /** REQUEST_TIMEOUT_MS: a request (headers and body) not received in full by then is cut off with 408 (slow clients, #31). */
    readonly requestTimeoutMs: number;
  };
  /** Prometheus `/metrics` of the process that runs the projections (the worker; the api in the embedded default); 0 = off. */
  readonly metrics: { readonly port: number };
  readonly logLevel: LogLevel;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly eventStore: EventStoreConfig;
  readonly subscriptions: { readonly pollIntervalMs: number };
  readonly kafka:
    | {
        readonly brokers: readonly string[];
        readonly clientId: string;
        /** Topic of the integration events, created at start (its dead-letter topic is `<topic>.dlq`). */
        readonly topic: string;
        readonly partitions: number;
        readonly replicationFactor: number;
      }
    | undefined;
  /** api.md, Auth: an HS256 secret, or a JWKS URL (RS256/ES256); neither in the embedded default = generated secret. */
  readonly auth: {
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly issuer: string | undefined;
    readonly audience: string | undefined;
    /** Where the embedded default keeps its generated secret. */
    readonly secretFile: string;
    /** AUTH_TOKEN_MAX_HOURS: a bearer token must end (`exp`), at most this far ahead (#31). */
    readonly tokenMaxHours: number;
    /** DIR4: signed-in people's server-side sessions: idle and absolute expiry. */
    readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
    /** OIDC_*: the board's identity provider; unset on a loopback address = the development sign-in. */
    readonly oidc: OidcConfig | undefined;
    /**
     * AUTH_TOKEN_ROLES: `directory` (DIR4, the default) — a bearer token's subject must be a member of staff in the
     * directory, whose roles and schools apply; `claims` — its roles and schools are taken as it states them (what
     * DIR4 calls "unless the deployment says so": the test suites and benchmarks, which mint their own).
     */
    readonly tokenRoles: 'claims' | 'directory';
  };
  /** Issue #7: per-person keys (crypto-shredding) and retention. */
  readonly privacy: {
    /** PRIVACY_MASTER_KEY: 32 bytes in base64, wraps every person's data key; unset = generated under DATA_DIR. */
    readonly masterKey: string | undefined;
    readonly masterKeyFile: string;
    /** Domain spec, Privacy: years after a pupil leaves school / employment ends / for criminal-report or dismissal cases. */
    readonly retention: { readonly pupilYears: number; readonly staffYears: number; readonly othersYears: number; readonly seriousYears: number };
    /** How often the worker (the api when embedded) runs the retention job; 0 = never. */
    readonly retentionIntervalHours: number;
  };
  /** CAL1: the rules' settings file (JSON; README "Settings"), or the built-in defaults of domain.md. */
  readonly settingsFile: string | undefined;
  /** Issue #6: the Ed25519 key that signs audit exports. */
  readonly audit: {
    /** AUDIT_SIGNING_KEY: a PKCS#8 private key, PEM or its DER in base64; unset = generated once under DATA_DIR. */
    readonly signingKey: string | undefined;
    /** Where a generated key is kept (owner-only), its public half beside it as `.pub.pem`. */
    readonly keyFile: string;
  };
}

/** Parses and validates every setting at start; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const dataDir = resolve(optionalString(env, 'DATA_DIR') ?? './.data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  const eventStoreConnection = optionalString(env, 'EVENTSTORE_CONNECTION_STRING');
  if (eventStoreConnection !== undefined && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\//.test(eventStoreConnection)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://');
  }
  const host = optionalString(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`);
  const brokers = hostPortList(env, 'KAFKA_BROKERS');
  const jwtSecret = optionalString(env, 'AUTH_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 32 characters');
  const jwksUrl = url(env, 'AUTH_JWKS_URL', ['https', 'http']);
  if (jwtSecret && jwksUrl) throw new ConfigError('AUTH_JWKS_URL', 'and AUTH_JWT_SECRET cannot both be set: choose one way to verify tokens');

  return {
    http: {
      host,
      port: integer(env, 'PORT', 3000, 0, 65535),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    },
    metrics: { port: integer(env, 'METRICS_PORT', 9464, 0, 65535) },
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 200) }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    eventStore: eventStoreConnection ? { kind: 'eventstoredb', connectionString: eventStoreConnection } : { kind: 'postgres' },
    subscriptions: { pollIntervalMs: integer(env, 'SUBSCRIPTION_POLL_MS', 500, 10, 60_000) },
    kafka: brokers
      ? {
          brokers,
          clientId: optionalString(env, 'KAFKA_CLIENT_ID') ?? 'casebook',
          topic: topicName(env, 'KAFKA_TOPIC', 'casebook.integration-events.v1'),
          partitions: integer(env, 'KAFKA_TOPIC_PARTITIONS', 6, 1, 1000),
          replicationFactor: integer(env, 'KAFKA_REPLICATION_FACTOR', 1, 1, 10),
        }
      : undefined,
    auth: {
      jwtSecret,
      jwksUrl,
      issuer: optionalString(env, 'AUTH_ISSUER'),
      audience: optionalString(env, 'AUTH_AUDIENCE'),
      secretFile: resolve(dataDir, 'auth-secret'),
      tokenMaxHours: integer(env, 'AUTH_TOKEN_MAX_HOURS', 24, 1, 24 * 365),
      session: { idleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60), absoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30) },
      oidc: oidcConfig(env),
      tokenRoles: oneOf(env, 'AUTH_TOKEN_ROLES', ['claims', 'directory'] as const, 'directory'),
    },
    privacy: {
      masterKey: base64Key(env, 'PRIVACY_MASTER_KEY', 32),
      masterKeyFile: resolve(dataDir, 'privacy-master-key'),
      retention: {
        pupilYears: integer(env, 'RETENTION_PUPIL_YEARS', 2, 0, 100),
        staffYears: integer(env, 'RETENTION_STAFF_YEARS', 2, 0, 100),
        othersYears: integer(env, 'RETENTION_OTHERS_YEARS', 2, 0, 100),
        seriousYears: integer(env, 'RETENTION_SERIOUS_YEARS', 7, 0, 100),
      },
      retentionIntervalHours: integer(env, 'RETENTION_INTERVAL_HOURS', 24, 0, 24 * 365),
    },
    settingsFile: optionalString(env, 'CASEBOOK_SETTINGS_FILE'),
    audit: {
      signingKey: ed25519PrivateKey(env, 'AUDIT_SIGNING_KEY'),
      keyFile: resolve(dataDir, 'audit-signing-key.pem'),
    },
  };
}

/** A symmetric key of `bytes` bytes, in base64. */
function base64Key(env: Env, name: string, bytes: number): string | undefined {
  const value = optionalString(env, name);
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || Buffer.from(value, 'base64').length !== bytes) {
    throw new ConfigError(name, `must be ${bytes} random bytes in base64 (e.g. \`openssl rand -base64 ${bytes}\`)`);
  }
  return value;
}

/** An Ed25519 private key in PKCS#8, as PEM (`\n` may be written as the two characters) or base64 DER. */
function ed25519PrivateKey(env: Env, name: string): string | undefined {
  const value = optionalString(env, name);
  if (value === undefined) return undefined;
  const pem = value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : undefined;
  try {
    const key = pem ? createPrivateKey(pem) : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(name, `must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(name, 'is not a PKCS#8 private key (PEM, or its DER in base64)');
  }
  return pem ?? value;
}

/** A Kafka topic name: letters, digits, `.`, `_`, `-`, at most 200 (the `.dlq` suffix must still fit). */
function topicName(env: Env, name: string, fallback: string): string {
  const value = optionalString(env, name) ?? fallback;
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(value)) throw new ConfigError(name, `must be 1–200 letters, digits, ., _ or -: "${value}"`);
  return value;
}
