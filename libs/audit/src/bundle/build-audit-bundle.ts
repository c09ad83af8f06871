import { type RecordedEvent, canonicalJson, sha256Hex } from '@casebook/event-store';
import type { GlobalLinkRow } from '../global-chain/global-chain';
import type { AuditSigningKey } from '../signing/audit-signing-key';
import { type AuditBundle, BUNDLE_FORMAT, type BundleEvent, type BundleManifest, type BundleStream, type ExportScope } from './audit-bundle';

export interface BundleInput {
  readonly scope: ExportScope;
  readonly exportedAt: string;
  readonly exportedBy: { readonly actorId: string; readonly roles: readonly string[] };
  readonly softwareVersion: string;
  /** Whole streams, from revision 0. */
  readonly events: readonly RecordedEvent[];
  readonly globalLinks: ReadonlyMap<number, GlobalLinkRow>;
  readonly globalChainHead: { readonly position: number; readonly hash: string } | null;
  /** Each event's data with personal texts opened (or the erased marker), by event id. */
  readonly clearData: ReadonlyMap<string, unknown>;
}

/** Puts the events in global order with their stored hashes and sealed links, writes the manifest and signs it. */
export function buildAuditBundle(input: BundleInput, key: AuditSigningKey): AuditBundle {
  const events: BundleEvent[] = [...input.events]
    .sort((a, b) => a.globalPosition - b.globalPosition)
    .map((event) => {
      const link = input.globalLinks.get(event.globalPosition);
      if (!link) throw new Error(`Event at position ${event.globalPosition} is not sealed in the global chain yet`);
      return {
        position: event.globalPosition,
        streamId: event.streamId,
        streamRevision: event.streamRevision,
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        // As stored: an export never recomputes a hash, so a change in the table shows up in the verifier.
        hash: event.hash ?? '',
        previousGlobalHash: link.previousGlobalHash,
        globalHash: link.globalHash,
        clearData: input.clearData.get(event.eventId) ?? event.data,
      };
    });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    scope: input.scope,
    exportedAt: input.exportedAt,
    exportedBy: { actorId: input.exportedBy.actorId, roles: [...input.exportedBy.roles] },
    software: { name: 'casebook', version: input.softwareVersion },
    hashAlgorithm: 'SHA-256',
    canonicalization: 'RFC 8785',
    eventCount: events.length,
    firstPosition: events[0]?.position ?? null,
    lastPosition: events.at(-1)?.position ?? null,
    streams: streamHeads(events),
    globalChainHead: input.globalChainHead,
    eventsHash: eventsHashOf(events),
    clearDataHash: clearDataHashOf(events),
  };
  const canonicalManifest = canonicalJson(manifest);
  return {
    manifest,
    manifestHash: sha256Hex(canonicalManifest),
    signature: { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKeyPem, value: key.sign(canonicalManifest) },
    events,
  };
}

/** Each stream's count and head, streams in order of first appearance. */
export function streamHeads(events: readonly Pick<BundleEvent, 'streamId' | 'streamRevision' | 'hash'>[]): BundleStream[] {
  const heads = new Map<string, BundleStream>();
  for (const event of events) {
    const seen = heads.get(event.streamId);
    heads.set(event.streamId, { streamId: event.streamId, eventCount: (seen?.eventCount ?? 0) + 1, headRevision: event.streamRevision, headHash: event.hash });
  }
  return [...heads.values()];
}

export function clearDataHashOf(events: readonly Pick<BundleEvent, 'clearData'>[]): string {
  return sha256Hex(canonicalJson(events.map((event) => event.clearData ?? null)));
}

export function eventsHashOf(events: readonly Pick<BundleEvent, 'hash'>[]): string {
  return sha256Hex(canonicalJson(events.map((event) => event.hash)));
}
