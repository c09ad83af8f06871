import { TokenVerifier, loadOrCreateSecret } from '@casebook/access';
import { type EventStore, openEventStore } from '@casebook/event-store';
import {
  DEFAULT_RULE_SETTINGS,
  PERSONAL_DATA,
  type RuleSettings,
  RuleSettingsError,
  WriteSide,
  parseRuleSettings,
  subjectsOfStream,
} from '@casebook/incidents';
import { KafkaHealthIndicator, KafkaMessageBus, type MessageBus } from '@casebook/messaging';
import { type AppConfig, ConfigError, type HealthIndicator, type Logger, type SqlClient, openSqlClient } from '@casebook/platform';
import { readFileSync } from 'node:fs';
import { ERASED, PersonKeyStore, PersonalDataReveal, PrivacyEventStore, loadOrCreateMasterKey } from '@casebook/privacy';
import { READ_MODELS, ReadModelCatalog, rebuildOutdatedReadModels } from '@casebook/projections';
import { type AuditTrail, openAuditTrail } from './audit-trail';
import { DatabaseHealthIndicator } from './database-health.indicator';
import { EventStoreHealthIndicator } from './event-store-health.indicator';
import { privacyRegisterOf } from './privacy-register.port';

/**
 * What one process holds, opened the same way by the api, the worker and the CLI: database, event store (sealing
 * personal texts), Kafka when configured, the read models, the audit trail and the write side.
 */
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
  /** The read models: which version serves reads, their DataSources. */
  readonly readModels: ReadModelCatalog;
  readonly audit: AuditTrail;
  /** The write side's one door: every command of every app. */
  readonly writeSide: WriteSide;
  close(): Promise<void>;
}

/** AUTH_JWKS_URL when set; otherwise the HS256 secret (AUTH_JWT_SECRET, or the embedded default's generated one). */
function tokenVerifier(config: AppConfig): TokenVerifier {
  const { auth } = config;
  const checks = { issuer: auth.issuer, audience: auth.audience, maxLifetimeSeconds: auth.tokenMaxHours * 3600 };
  if (auth.jwksUrl) return TokenVerifier.forJwksUrl(auth.jwksUrl, checks);
  return new TokenVerifier({ ...checks, secret: loadOrCreateSecret(auth.jwtSecret, auth.secretFile) });
}

/** CAL1: the settings file, validated at start (a bad file stops the process, naming every problem), or the defaults. */
function loadRuleSettings(file: string | undefined): RuleSettings {
  if (!file) return DEFAULT_RULE_SETTINGS;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('CASEBOOK_SETTINGS_FILE', `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseRuleSettings(text);
  } catch (error) {
    if (error instanceof RuleSettingsError) throw new ConfigError('CASEBOOK_SETTINGS_FILE', error.problems.join('; '));
    throw error;
  }
}

export async function openRuntime(config: AppConfig, logger: Logger, processName: string): Promise<Runtime> {
  // Before anything is opened: a settings file that does not hold stops the start (CAL1).
  const settings = loadRuleSettings(config.settingsFile);
  const sql = await openSqlClient(config.database, `casebook-${processName}`);
  try {
    const storedEvents = await openEventStore(config.eventStore, sql, { pollIntervalMs: config.subscriptions.pollIntervalMs });
    const personKeys = await PersonKeyStore.open(sql, loadOrCreateMasterKey(config.privacy.masterKey, config.privacy.masterKeyFile));
    // Every event type declares its personal fields (PERSONAL_DATA); the store refuses one that does not.
    const eventStore = new PrivacyEventStore(storedEvents, personKeys, PERSONAL_DATA, subjectsOfStream);
    const messageBus = config.kafka
      ? new KafkaMessageBus({ brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-${processName}`, logger })
      : undefined;
    const reveal = new PersonalDataReveal(personKeys);
    const readModels = await ReadModelCatalog.open(sql, READ_MODELS);
    // A release that changed a read model's tables: rebuild it from history before anything reads it.
    for (const rebuilt of await rebuildOutdatedReadModels(readModels, eventStore, sql)) {
      logger.info(
        { readModel: rebuilt.name, from: rebuilt.from, to: rebuilt.to, events: rebuilt.events, ms: rebuilt.ms },
        'read model rebuilt: its tables changed',
      );
    }
    const audit = await openAuditTrail(config, logger, sql, eventStore, reveal);
    const writeSide = await WriteSide.open({
      store: eventStore,
      sql,
      policy: settings.policy,
      calendar: settings.calendar,
      logger,
      personKeys,
      privacyRegister: privacyRegisterOf(readModels),
      sealedTexts: { open: (value) => reveal.reveal(value), erasedText: ERASED.nl },
    });
    logger.info(
      {
        database: sql.engine,
        dataDir: config.database.kind === 'pglite' ? config.database.dataDir : undefined,
        eventStore: eventStore.kind,
        kafka: config.kafka ? 'configured' : 'off',
      },
      'runtime opened',
    );
    const health: HealthIndicator[] = [new DatabaseHealthIndicator(sql), new EventStoreHealthIndicator(eventStore), new KafkaHealthIndicator(messageBus)];
    return {
      config,
      logger,
      sql,
      eventStore,
      personKeys,
      reveal,
      messageBus,
      health,
      tokens: tokenVerifier(config),
      readModels,
      audit,
      writeSide,
      close: async () => {
        await messageBus?.close();
        await readModels.close();
        await eventStore.close();
        await sql.close();
      },
    };
  } catch (error) {
    // A half-opened runtime would hold the embedded data directory's lock: release it.
    await sql.close().catch(() => undefined);
    throw error;
  }
}
