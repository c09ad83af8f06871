import { TokenVerifier, loadOrCreateSecret } from '@casebook/access';
import { type EventStore, openEventStore } from '@casebook/event-store';
import { KafkaHealthIndicator, KafkaMessageBus, type MessageBus } from '@casebook/messaging';
import { type AppConfig, type HealthIndicator, type Logger, type SqlClient, openSqlClient } from '@casebook/platform';
import { PersonKeyStore, PersonalDataReveal, PrivacyEventStore, loadOrCreateMasterKey } from '@casebook/privacy';
import { DatabaseHealthIndicator } from './database-health.indicator';
import { EventStoreHealthIndicator } from './event-store-health.indicator';

/** The infrastructure one process holds: database, event store, Kafka (when configured), health checks. */
export interface Runtime {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly sql: SqlClient;
  /** The store as the application uses it: personal texts are sealed on append (libs/privacy). */
  readonly eventStore: EventStore;
  /** People's data keys: forget a person here. */
  readonly personKeys: PersonKeyStore;
  /** Opens sealed texts for whoever is shown them (erased marker when the key is gone). */
  readonly reveal: PersonalDataReveal;
  readonly messageBus: MessageBus | undefined;
  readonly health: readonly HealthIndicator[];
  readonly tokens: TokenVerifier;
  close(): Promise<void>;
}

/** AUTH_JWKS_URL when set; otherwise the HS256 secret (AUTH_JWT_SECRET, or the embedded default's generated one). */
function tokenVerifier(config: AppConfig): TokenVerifier {
  const { auth } = config;
  const checks = { issuer: auth.issuer, audience: auth.audience };
  if (auth.jwksUrl) return TokenVerifier.forJwksUrl(auth.jwksUrl, checks);
  return new TokenVerifier({ ...checks, secret: loadOrCreateSecret(auth.jwtSecret, auth.secretFile) });
}

export async function openRuntime(config: AppConfig, logger: Logger, processName: string): Promise<Runtime> {
  const sql = await openSqlClient(config.database, `casebook-${processName}`);
  const storedEvents = await openEventStore(config.eventStore, sql, { pollIntervalMs: config.subscriptions.pollIntervalMs });
  const personKeys = await PersonKeyStore.open(sql, loadOrCreateMasterKey(config.privacy.masterKey, config.privacy.masterKeyFile));
  const eventStore = new PrivacyEventStore(storedEvents, personKeys);
  const messageBus = config.kafka
    ? new KafkaMessageBus({ brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-${processName}`, logger })
    : undefined;
  logger.info(
    {
      database: sql.engine,
      dataDir: config.database.kind === 'pglite' ? config.database.dataDir : undefined,
      eventStore: eventStore.kind,
      kafka: config.kafka ? 'configured' : 'off',
    },
    'runtime opened',
  );
  const health: HealthIndicator[] = [
    new DatabaseHealthIndicator(sql),
    new EventStoreHealthIndicator(eventStore),
    new KafkaHealthIndicator(messageBus),
  ];
  return {
    config,
    logger,
    sql,
    eventStore,
    personKeys,
    reveal: new PersonalDataReveal(personKeys),
    messageBus,
    health,
    tokens: tokenVerifier(config),
    close: async () => {
      await messageBus?.close();
      await eventStore.close();
      await sql.close();
    },
  };
}
