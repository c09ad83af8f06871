/**
 * What the store keeps for every event. Events are data only: the store never interprets `data`.
 * B4: `occurredAt` is what the client says happened; `recordedAt` is set by the store at append and
 * cannot be supplied by a caller, so nothing can be backdated.
 */
export interface EventMetadata {
  readonly actorId: string;
  readonly actorRole: string;
  readonly schoolId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** An event as a writer hands it to the store; `eventId` is a UUIDv7 made by the writer (see newEventId). */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: Omit<EventMetadata, 'recordedAt'>;
}

/** An event as the store returns it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0 for a stream's first event, then +1 per event, without gaps. */
  readonly streamRevision: number;
  /** Position in the store-wide order: strictly increasing in the order readers receive events. */
  readonly globalPosition: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /**
   * The event's link in its stream's audit chain (chain/event-chain.ts), set by the store at append.
   * Absent only for events recorded before the chain existed.
   */
  readonly hash?: string;
}
