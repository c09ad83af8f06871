import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { validateAppend } from '../append-validation';
import { GENESIS_HASH, contentHashOf, eventHashOf } from '../chain/event-chain';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { categoryOf } from '../stream-ids';

export interface EventStoreDbOptions {
  /** Kept for callers that pass it; readers poll on their own interval (EventConsumer). */
  readonly pollIntervalMs?: number;
}

/** Streams of subscription checkpoints that earlier versions kept here, not domain events: readers skip them. */
const CHECKPOINT_STREAM_PREFIX = 'casebook_checkpoint-';
/** How far back an idempotent retry looks for its first append. */
const IDEMPOTENCY_LOOKBACK = 1_000;
/** An 'any' append retried this often when other writers keep taking the revision its chain link was made for. */
const ANY_APPEND_TRIES = 10;

/**
 * The event store on EventStoreDB / KurrentDB (gRPC client). Selected by EVENTSTORE_CONNECTION_STRING.
 * Global position = the event's commit position in the server's transaction log; recordedAt = this adapter's
 * clock at append, kept in the metadata beside the chain hash (both must be known before the server has the event). No server can be run on our machines: the contract suite runs against this adapter only
 * where one is configured (README, "EventStoreDB").
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  /** Wake-ups of appends made through this process; other processes' appends are found by polling. */
  private readonly appendListeners = new Set<() => void>();

  constructor(private readonly client: EventStoreDBClient) {}

  static connect(connectionString: string, _options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(streamId, events, options);
    const ids = events.map((event) => event.eventId.toLowerCase());
    for (let attempt = 1; ; attempt++) {
      // The chain is made here (no server-side code in EventStoreDB): each hash links to the stream's last event,
      // so the append must land right after it. An 'any' append is made exact on the revision read, and retried
      // when another writer came first.
      const last = await this.lastEvent(streamId);
      if (last && ids.includes(last.eventId)) return this.findAppended(streamId, ids);
      const expected = options.expectedRevision === 'any' ? (last ? BigInt(last.revision) : NO_STREAM) : toEsdbExpected(options.expectedRevision);
      try {
        const result = await this.client.appendToStream(streamId, chained(streamId, events, last), { expectedRevision: expected });
        if (result.position) {
          for (const wake of this.appendListeners) wake();
          return { streamId, revision: Number(result.nextExpectedRevision), position: Number(result.position.commit) };
        }
        // The server recognised a retry of the same event ids and wrote nothing: return the first append's result.
        return this.findAppended(streamId, ids);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          if (options.expectedRevision === 'any' && attempt < ANY_APPEND_TRIES) continue;
          const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
          throw new WrongExpectedRevisionError(streamId, options.expectedRevision, actual);
        }
        throw error;
      }
    }
  }

  private async lastEvent(streamId: string): Promise<{ eventId: string; revision: number; hash: string } | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        const event = resolved.event;
        if (!event) return undefined;
        const hash = (event.metadata as { chainHash?: string } | undefined)?.chainHash ?? GENESIS_HASH;
        return { eventId: event.id, revision: Number(event.revision), hash };
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: BigInt(options.fromRevision ?? 0),
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      })) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const wanted = options.categories?.length ? new Set(options.categories) : undefined;
    const events: RecordedEvent[] = [];
    // $all is read in pages and filtered here: system events ($...) and our checkpoint streams are skipped.
    // A page starts *at* its position (inclusive), so everything at or below `floor` was already handled.
    let floor = options.from === 'start' ? -1n : BigInt(options.from);
    for (;;) {
      const from = floor < 0n ? START : { commit: floor, prepare: floor };
      let seen = 0;
      let highest = floor;
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: options.limit })) {
        seen++;
        const commit = (resolved as AllStreamResolvedEvent).event?.position?.commit;
        if (commit === undefined || commit <= floor) continue;
        highest = commit;
        const event = toRecordedEvent(resolved);
        if (!event || event.streamId.startsWith(CHECKPOINT_STREAM_PREFIX)) continue;
        if (wanted && !wanted.has(categoryOf(event.streamId))) continue;
        events.push(event);
        if (events.length >= options.limit) return events;
      }
      if (seen < options.limit || highest === floor) return events;
      floor = highest;
    }
  }

  onAppended(wake: () => void): () => void {
    this.appendListeners.add(wake);
    return () => this.appendListeners.delete(wake);
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      return Number((resolved as AllStreamResolvedEvent).event?.position?.commit ?? 0);
    }
    return 0;
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async findAppended(streamId: string, ids: readonly string[]): Promise<AppendResult> {
    const wanted = new Set(ids);
    for await (const resolved of this.client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: IDEMPOTENCY_LOOKBACK,
    })) {
      const event = resolved.event;
      if (event && wanted.has(event.id) && event.id === ids[ids.length - 1]) {
        return { streamId, revision: Number(event.revision), position: allPosition(event.position?.commit) };
      }
    }
    throw new Error(`EventStoreDB reported an idempotent append to ${streamId} but its events were not found`);
  }
}

function toEsdbExpected(expected: AppendOptions['expectedRevision']): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  return BigInt(expected);
}

function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$') || !event.isJson) return undefined;
  const { schemaVersion, recordedAt, chainHash, ...metadata } = (event.metadata ?? {}) as Omit<EventMetadata, 'recordedAt'> & {
    schemaVersion?: number;
    recordedAt?: string;
    chainHash?: string;
  };
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: schemaVersion ?? 1,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    globalPosition: allPosition(event.position?.commit),
    data: event.data,
    metadata: { ...metadata, recordedAt: recordedAt ?? event.created.toISOString() },
    ...(chainHash ? { hash: chainHash } : {}),
  };
}

/** The events as EventStoreDB takes them, each with recordedAt and its chain hash in the metadata. */
function chained(streamId: string, events: readonly NewEvent[], last: { revision: number; hash: string } | undefined) {
  const recordedAt = new Date().toISOString();
  let previousHash = last?.hash ?? GENESIS_HASH;
  let streamRevision = last?.revision ?? -1;
  return events.map((event) => {
    const { recordedAt: _ignored, ...writerMetadata } = event.metadata as EventMetadata;
    streamRevision++;
    const chainHash = eventHashOf({ contentHash: contentHashOf(event), previousHash, recordedAt, streamId, streamRevision });
    previousHash = chainHash;
    return jsonEvent({
      id: event.eventId.toLowerCase(),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: { ...writerMetadata, schemaVersion: event.schemaVersion, recordedAt, chainHash },
    });
  });
}

/**
 * Servers before 22.x give stream reads no $all position (or 2^64-1 as "none"); KurrentDB#3459 added it for
 * gRPC clients. Reading a stream does not need it, so it is reported as 0 ("unknown") rather than wrong.
 */
function allPosition(commit: bigint | undefined): number {
  return commit !== undefined && commit <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(commit) : 0;
}
