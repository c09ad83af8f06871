import type { StreamCategory } from '@casebook/event-store';
import type { EventsOf, Recorded, RecordedEventOf } from '@casebook/incidents';
import type { EntityManager } from 'typeorm';

/**
 * A read model's projection: its tables (DDL for one version's schema), its TypeORM entities, and how a batch
 * of events changes its rows. No side effects: a rebuild replays history and must not phone or mail anyone.
 * It reads the events of its categories, typed by the domain's unions (issue #15: a new event type of one of its
 * categories does not compile until its table says what it does with it).
 */
export interface Projection<C extends StreamCategory = StreamCategory> {
  /** Kebab-case name, as in `projections rebuild <name>` and the folder `libs/projections/src/<name>/`. */
  readonly name: string;
  /** Stream categories it reads (`readAll({ categories })`). */
  readonly categories: readonly C[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: readonly Function[];
  /** CREATE TABLE statements for the version's schema; `schema` is a quoted identifier. */
  ddl(schema: string): string;
  /** Applies events in order inside the batch's transaction (the checkpoint is written in the same one). */
  apply(manager: EntityManager, events: readonly RecordedEventOf<C>[]): Promise<void>;
}

/** Any projection, whatever its categories (the catalog's list). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a projection's categories are its own; the catalog holds all kinds
export type AnyProjection = Projection<any>;

/**
 * One entry per event type of the categories: what the event does to the read model, or `null` — read and
 * deliberately left out. Keyed by the domain's unions, so the table is incomplete (a compile error) until every
 * event type of its categories has its entry.
 */
export type EventTable<C extends StreamCategory, Context, Result> = {
  readonly [T in EventsOf<C>['type']]: ((event: Recorded<Extract<EventsOf<C>, { readonly type: T }>>, context: Context) => Result) | null;
};

/** The table's entry for this event, applied; undefined for an event the table leaves out. */
export function dispatch<C extends StreamCategory, Context, Result>(
  table: EventTable<C, Context, Result>,
  event: RecordedEventOf<C>,
  context: Context,
): Result | undefined {
  const handle = (table as Record<string, ((event: RecordedEventOf<C>, context: Context) => Result) | null>)[event.type];
  return handle ? handle(event, context) : undefined;
}
