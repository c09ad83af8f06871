import type { NewEvent, RecordedEvent } from './event-envelope';

/**
 * `number`: the stream's last revision must be exactly this; `no-stream`: the stream must not exist yet;
 * `any`: no check (the store still keeps revisions gapless).
 */
export type ExpectedRevision = number | 'no-stream' | 'any';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/** One stream's part of an append to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the last event of this append. */
  readonly revision: number;
  /** Global position of the last event of this append. */
  readonly position: number;
}

/** `'start'` reads from the very first event; a number reads the events *after* that position. */
export type ReadFrom = 'start' | number;

export interface ReadAllOptions {
  readonly from: ReadFrom;
  readonly limit: number;
  /** Only streams of these categories (see categoryOf); all when absent. */
  readonly categories?: readonly string[];
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  /** At most this many events (from `fromRevision` on); all when absent. */
  readonly maxCount?: number;
}

/** The port every adapter implements and the contract suite (libs/event-store/testing) checks. */
export interface EventStore {
  readonly kind: 'postgres' | 'pglite' | 'eventstoredb';
  /**
   * Appends atomically. Idempotent by event id: the same event ids appended again (a retry) return the
   * first append's result and write nothing. Throws WrongExpectedRevisionError or IdempotencyConflictError.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Optional: appends to several streams that do not exist yet, all in one commit (the PostgreSQL adapter). For
   * many small independent appends at once — access-log entries — so that they share one fsync. All or nothing.
   */
  appendToNewStreams?(appends: readonly { readonly streamId: string; readonly events: readonly NewEvent[] }[]): Promise<AppendResult[]>;
  /**
   * Optional: appends to several streams, each at its own expected revision, all in one commit and in the order
   * given (the PostgreSQL adapter). A wrong expected revision of any of them writes nothing and throws
   * WrongExpectedRevisionError. For a case reported together with its number (domain.md "case number", #31).
   */
  appendToStreams?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream in revision order; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global order. Never skips an event that commits later at a lower position. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Calls `wake` after an append: in this process at once, from other processes through the adapter's notification
   * (PostgreSQL: LISTEN/NOTIFY). A wake-up only — readers still read with `readAll`, and poll in case one is lost.
   * Returns the function that unregisters it.
   */
  onAppended(wake: () => void): () => void;
  /** The position of the newest event (0 when empty): where a reader that wants only new events starts. */
  headPosition(): Promise<number>;
  /** For readiness probes: resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
