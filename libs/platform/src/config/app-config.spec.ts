import { ConfigError } from './config-error';
import { loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults to the embedded database under ./.data, port 3000, no Kafka', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, rateLimitPerMinute: 600, requestTimeoutMs: 30_000 });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\.data[/\\]pglite$/) });
    expect(config.eventStore).toEqual({ kind: 'postgres' });
    expect(config.kafka).toBeUndefined();
  });

  it('uses the PostgreSQL server, EventStoreDB and Kafka when configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://casebook@db:5432/casebook',
      DATABASE_POOL_SIZE: '5',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9092',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://casebook@db:5432/casebook', poolSize: 5 });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
    expect(config.kafka?.brokers).toEqual(['127.0.0.1:9092', 'kafka-2:9092']);
  });

  it("DIR4: takes a bearer token's roles from the directory unless the deployment says so (AUTH_TOKEN_ROLES=claims)", () => {
    expect(loadConfig({}).auth.tokenRoles).toBe('directory');
    expect(loadConfig({ AUTH_TOKEN_ROLES: 'claims' }).auth.tokenRoles).toBe('claims');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/x' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['DATABASE_POOL_SIZE', { DATABASE_URL: 'postgres://db/x', DATABASE_POOL_SIZE: '0' }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'localhost' }],
    ['EVENTSTORE_CONNECTION_STRING', { EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }],
    ['SUBSCRIPTION_POLL_MS', { SUBSCRIPTION_POLL_MS: '1.5' }],
    ['AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'too-short' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'ftp://keys.example/jwks' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '-1' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'https://keys.example/jwks', AUTH_JWT_SECRET: 'x'.repeat(32) }],
  ])('refuses a bad %s and names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
