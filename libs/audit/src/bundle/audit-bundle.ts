import type { EventMetadata } from '@casebook/event-store';

/**
 * The audit bundle: the verifiable form of an export (README, "Audit bundle"; decisions.md #33). Plain JSON,
 * so a third party can check it with any RFC 8785 canonicaliser, SHA-256 and Ed25519.
 */
export const BUNDLE_FORMAT = 'casebook-audit-bundle/1';

/** What was exported: a case (with the criminal-report decisions opened from it) or the access log of a person or actor. */
export type ExportScope =
  | { readonly kind: 'incident'; readonly incidentId: string }
  | {
      readonly kind: 'access-log';
      readonly subjectId: string | null;
      readonly actorId: string | null;
      readonly from: string | null;
      readonly to: string | null;
    };

export interface BundleEvent {
  readonly position: number;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** The stream chain hash, as the store recorded it at append. */
  readonly hash: string;
  /** The global chain link, as sealed. */
  readonly previousGlobalHash: string;
  readonly globalHash: string;
  /**
   * `data` with its sealed personal texts opened for the reader — or `[verwijderd]` where the person was forgotten.
   * Not covered by the chain (the chain covers the sealed form), but by the manifest's `clearDataHash` and so by
   * the signature.
   */
  readonly clearData: unknown;
}

export interface BundleStream {
  readonly streamId: string;
  readonly eventCount: number;
  readonly headRevision: number;
  readonly headHash: string;
}

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly scope: ExportScope;
  readonly exportedAt: string;
  readonly exportedBy: { readonly actorId: string; readonly roles: readonly string[] };
  readonly software: { readonly name: 'casebook'; readonly version: string };
  readonly hashAlgorithm: 'SHA-256';
  readonly canonicalization: 'RFC 8785';
  readonly eventCount: number;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  /** Every stream in the bundle, whole from revision 0, with its head at export time. */
  readonly streams: readonly BundleStream[];
  /** The sealed global chain's head when the bundle was made (at or after lastPosition). */
  readonly globalChainHead: { readonly position: number; readonly hash: string } | null;
  /** SHA-256 of the canonical JSON array of the events' `hash`, in bundle order. */
  readonly eventsHash: string;
  /** SHA-256 of the canonical JSON array of the events' `clearData`, in bundle order. */
  readonly clearDataHash: string;
}

export interface BundleSignature {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  /** The signer's public key (SPKI PEM), for convenience: a verifier trusts the key it was given, not this one. */
  readonly publicKey: string;
  /** Base64 Ed25519 signature over the UTF-8 bytes of the manifest's canonical JSON. */
  readonly value: string;
}

export interface AuditBundle {
  readonly manifest: BundleManifest;
  /** SHA-256 of the manifest's canonical JSON: the fingerprint printed on every page of the PDF. */
  readonly manifestHash: string;
  readonly signature: BundleSignature;
  readonly events: readonly BundleEvent[];
}
