import type { ExpectedRevision } from './event-store.port';

/** Optimistic concurrency: the stream is not at the revision the writer based its decision on. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist; undefined when a concurrent writer won and the new value is unknown. */
    readonly actual: number | undefined,
  ) {
    super(`Stream ${streamId} is at revision ${actual ?? 'unknown'}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some of the event ids of an append were already used by a different append. */
export class IdempotencyConflictError extends Error {
  constructor(readonly streamId: string) {
    super(`Some event ids of this append to ${streamId} were already recorded by a different append`);
    this.name = 'IdempotencyConflictError';
  }
}

/** The caller handed the store something it cannot store (bad id, empty append, unknown stream name shape). */
export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
