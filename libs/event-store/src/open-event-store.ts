import type { EventStoreConfig, SqlClient } from '@casebook/platform';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface OpenEventStoreOptions {
  readonly pollIntervalMs: number;
}

/** EventStoreDB when configured; otherwise the PostgreSQL adapter on the database (server or PGlite). */
export async function openEventStore(config: EventStoreConfig, sql: SqlClient, options: OpenEventStoreOptions): Promise<EventStore> {
  if (config.kind === 'eventstoredb') {
    return EventStoreDbEventStore.connect(config.connectionString, { pollIntervalMs: options.pollIntervalMs });
  }
  return PostgresEventStore.open(sql, { pollIntervalMs: options.pollIntervalMs });
}
