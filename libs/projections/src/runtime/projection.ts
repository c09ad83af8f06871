import type { RecordedEvent } from '@casebook/event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read model's projection: its tables (DDL for one version's schema), its TypeORM entities, and how a batch
 * of events changes its rows. No side effects: a rebuild replays history and must not phone or mail anyone.
 */
export interface Projection {
  /** Kebab-case name, as in `projections rebuild <name>` and the folder `libs/projections/src/<name>/`. */
  readonly name: string;
  /** Stream categories it reads (`readAll({ categories })`). */
  readonly categories: readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: readonly Function[];
  /** CREATE TABLE statements for the version's schema; `schema` is a quoted identifier. */
  ddl(schema: string): string;
  /** Applies events in order inside the batch's transaction (the checkpoint is written in the same one). */
  apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void>;
}
