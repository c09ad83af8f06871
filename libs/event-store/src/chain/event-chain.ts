import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata } from '../event-envelope';

/**
 * The audit hash chain (docs/decisions.md, "Hash chain"; README, "Audit bundle"). Every hash is SHA-256 over the
 * UTF-8 bytes of an RFC 8785 (JCS) canonical JSON object, written as 64 lowercase hex digits:
 *
 *   contentHash = H({ data, eventId, metadata (without recordedAt), schemaVersion, type })  — what the writer gave
 *   hash        = H({ contentHash, previousHash, recordedAt, streamId, streamRevision })   — the stream chain
 *   globalHash  = H({ eventHash, globalPosition, previousGlobalHash })                    — the global chain
 *
 * `previousHash` of a stream's first event, and `previousGlobalHash` of the store's first, is GENESIS_HASH.
 * A third party can recompute every one of them from an exported bundle with any JCS implementation.
 */
export const GENESIS_HASH = '0'.repeat(64);

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** RFC 8785 canonical form (sorted keys by UTF-16 code units, ECMAScript number form, no whitespace). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Only JSON values have a canonical form');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface EventContent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  /** As the writer gave it; a recordedAt (set by the store) is left out. */
  readonly metadata: Omit<EventMetadata, 'recordedAt'> | EventMetadata;
}

export function contentHashOf(event: EventContent): string {
  const { recordedAt: _recordedAt, ...writerMetadata } = event.metadata as EventMetadata;
  return sha256Hex(
    canonicalJson({ data: event.data, eventId: event.eventId.toLowerCase(), metadata: writerMetadata, schemaVersion: event.schemaVersion, type: event.type }),
  );
}

export interface StreamLink {
  readonly contentHash: string;
  readonly previousHash: string;
  /** ISO 8601 in UTC with milliseconds, as the store set it: `2026-11-25T09:30:00.000Z`. */
  readonly recordedAt: string;
  readonly streamId: string;
  readonly streamRevision: number;
}

export function eventHashOf(link: StreamLink): string {
  return sha256Hex(canonicalJson(link));
}

/** A recorded event's hash, recomputed from its content and its stream predecessor's hash: what verifiers check. */
export function recomputeEventHash(
  event: EventContent & { readonly metadata: EventMetadata; readonly streamId: string; readonly streamRevision: number },
  previousHash: string,
): string {
  return eventHashOf({
    contentHash: contentHashOf(event),
    previousHash,
    recordedAt: event.metadata.recordedAt,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
  });
}

export interface GlobalLink {
  readonly eventHash: string;
  readonly globalPosition: number;
  readonly previousGlobalHash: string;
}

export function globalHashOf(link: GlobalLink): string {
  return sha256Hex(canonicalJson(link));
}
