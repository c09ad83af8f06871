import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, HASH_PATTERN, canonicalJson, globalHashOf, recomputeEventHash, sha256Hex } from '@casebook/event-store';
import { BUNDLE_FORMAT, type BundleEvent } from '../bundle/audit-bundle';
import { clearDataHashOf, eventsHashOf, streamHeads } from '../bundle/build-audit-bundle';
import { keyIdOf, parsePublicKey, verifySignature } from '../signing/audit-signing-key';

export interface VerificationFailure {
  readonly ok: false;
  /** What failed: `event 3 (stream …, revision 2, position …)`, `manifest.eventCount`, `signature`, … */
  readonly where: string;
  readonly reason: string;
}

export interface VerificationSuccess {
  readonly ok: true;
  readonly eventCount: number;
  readonly streamCount: number;
  readonly manifestHash: string;
  readonly keyId: string;
  /** False when no trusted key was given and the bundle's own key was used (proves integrity, not who signed). */
  readonly trustedKey: boolean;
}

export type VerificationResult = VerificationSuccess | VerificationFailure;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (where: string, reason: string): VerificationFailure => ({ ok: false, where, reason });

/**
 * Checks an audit bundle offline, in the order a reader needs: each event's hash against its content and its
 * stream predecessor, the global links, then the manifest's counts, heads and digest, then the signature with
 * the trusted public key. Returns the first failure, naming the event or field.
 */
export function verifyAuditBundle(bundle: unknown, trustedPublicKeyPem?: string): VerificationResult {
  if (!isObject(bundle) || !isObject(bundle['manifest']) || !Array.isArray(bundle['events']) || !isObject(bundle['signature'])) {
    return fail('bundle', 'is not an audit bundle: it needs manifest, signature and events');
  }
  const manifest = bundle['manifest'];
  if (manifest['format'] !== BUNDLE_FORMAT) return fail('manifest.format', `is ${JSON.stringify(manifest['format'])}, this verifier reads ${BUNDLE_FORMAT}`);

  const events = bundle['events'] as unknown[];
  const heads = new Map<string, { revision: number; hash: string }>();
  let lastPosition = -Infinity;
  for (const [index, raw] of events.entries()) {
    const shape = eventShapeProblem(raw);
    if (shape) return fail(`event ${index}`, shape);
    const event = raw as BundleEvent;
    const where = `event ${index} (stream ${event.streamId}, revision ${event.streamRevision}, position ${event.position})`;
    if (event.position <= lastPosition) return fail(where, `is out of order: position ${event.position} comes after ${lastPosition}`);
    lastPosition = event.position;

    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1 : 0;
    if (event.streamRevision > expectedRevision) {
      const missing =
        expectedRevision === event.streamRevision - 1 ? `revision ${expectedRevision}` : `revisions ${expectedRevision}–${event.streamRevision - 1}`;
      return fail(where, `comes before ${missing} of its stream: events were removed or reordered`);
    }
    if (event.streamRevision < expectedRevision)
      return fail(where, `comes after a later revision of its stream (revision ${expectedRevision} was expected): events were repeated or reordered`);
    if (!event.hash) return fail(where, 'has no hash: it was recorded before the audit chain existed');
    const recomputed = recomputeEventHash(event, head?.hash ?? GENESIS_HASH);
    if (recomputed !== event.hash) {
      return fail(
        where,
        `does not match its hash: its data, metadata or place in the stream changed since it was recorded (recomputed ${recomputed}, recorded ${event.hash})`,
      );
    }
    const globalHash = globalHashOf({ eventHash: event.hash, globalPosition: event.position, previousGlobalHash: event.previousGlobalHash });
    if (globalHash !== event.globalHash)
      return fail(where, `does not match its link in the global chain (recomputed ${globalHash}, sealed ${event.globalHash})`);
    heads.set(event.streamId, { revision: event.streamRevision, hash: event.hash });
  }

  const checked = events as BundleEvent[];
  const manifestProblem = manifestMismatch(manifest, checked);
  if (manifestProblem) return manifestProblem;

  let canonicalManifest: string;
  try {
    canonicalManifest = canonicalJson(manifest);
  } catch {
    return fail('manifest', 'is not plain JSON');
  }
  const manifestHash = sha256Hex(canonicalManifest);
  if (bundle['manifestHash'] !== undefined && bundle['manifestHash'] !== manifestHash) {
    return fail('manifestHash', `is ${String(bundle['manifestHash'])}, but the manifest hashes to ${manifestHash}: the manifest was changed`);
  }
  return checkSignature(bundle['signature'], canonicalManifest, manifestHash, checked.length, heads.size, trustedPublicKeyPem);
}

function eventShapeProblem(raw: unknown): string | null {
  if (!isObject(raw)) return 'is not an object';
  for (const key of ['position', 'streamRevision', 'schemaVersion'] as const) {
    if (!Number.isSafeInteger(raw[key])) return `field ${key} is not an integer`;
  }
  for (const key of ['streamId', 'eventId', 'type', 'hash', 'previousGlobalHash', 'globalHash'] as const) {
    if (typeof raw[key] !== 'string') return `field ${key} is not a string`;
  }
  if (!('data' in raw)) return 'field data is missing';
  if (!isObject(raw['metadata']) || typeof raw['metadata']['recordedAt'] !== 'string') return 'field metadata (with recordedAt) is missing';
  for (const key of ['previousGlobalHash', 'globalHash'] as const) {
    if (!HASH_PATTERN.test(raw[key] as string)) return `field ${key} is not 64 lowercase hex digits`;
  }
  return null;
}

/** Every manifest field the events determine, compared one by one so the first wrong one is named. */
function manifestMismatch(manifest: Json, events: readonly BundleEvent[]): VerificationFailure | null {
  const expect = (field: string, actual: unknown, wanted: unknown, why: string): VerificationFailure | null =>
    canonicalJson(actual ?? null) === canonicalJson(wanted)
      ? null
      : fail(`manifest.${field}`, `says ${JSON.stringify(actual)}, but ${why} ${JSON.stringify(wanted)}`);
  const problem =
    expect('eventCount', manifest['eventCount'], events.length, 'the bundle holds') ??
    expect('firstPosition', manifest['firstPosition'], events[0]?.position ?? null, 'the first event is at') ??
    expect('lastPosition', manifest['lastPosition'], events.at(-1)?.position ?? null, 'the last event is at');
  if (problem) return problem;

  const declared = Array.isArray(manifest['streams']) ? (manifest['streams'] as unknown[]) : [];
  const actual = streamHeads(events);
  for (const [index, stream] of declared.entries()) {
    const streamId = isObject(stream) ? String(stream['streamId']) : `#${index}`;
    const found = actual.find((head) => head.streamId === streamId);
    if (!found || !isObject(stream)) return fail(`manifest.streams[${streamId}]`, 'is listed, but the bundle holds no event of it: its events were removed');
    for (const field of ['eventCount', 'headRevision', 'headHash'] as const) {
      if (stream[field] !== found[field]) {
        return fail(
          `manifest.streams[${streamId}].${field}`,
          `says ${JSON.stringify(stream[field])}, but the bundle's events give ${JSON.stringify(found[field])}: events were added or removed`,
        );
      }
    }
  }
  const unlisted = actual.find((head) => !declared.some((stream) => isObject(stream) && stream['streamId'] === head.streamId));
  if (unlisted) return fail(`manifest.streams`, `does not list stream ${unlisted.streamId}, which the bundle holds: events were added`);

  const head = manifest['globalChainHead'];
  if (events.length && (!isObject(head) || typeof head['position'] !== 'number' || head['position'] < events.at(-1)!.position)) {
    return fail('manifest.globalChainHead', 'is missing or before the last event: the bundle was not sealed when made');
  }
  return (
    expect('eventsHash', manifest['eventsHash'], eventsHashOf(events), 'the events hash to') ??
    expect('clearDataHash', manifest['clearDataHash'], clearDataHashOf(events), "the events' readable data hash to")
  );
}

function checkSignature(
  signature: Json,
  canonicalManifest: string,
  manifestHash: string,
  eventCount: number,
  streamCount: number,
  trustedPublicKeyPem: string | undefined,
): VerificationResult {
  if (signature['algorithm'] !== 'Ed25519') return fail('signature.algorithm', `is ${JSON.stringify(signature['algorithm'])}, not Ed25519`);
  if (typeof signature['value'] !== 'string') return fail('signature.value', 'is missing');
  let key: KeyObject;
  try {
    key = parsePublicKey(trustedPublicKeyPem ?? String(signature['publicKey']));
  } catch (error) {
    return fail(trustedPublicKeyPem ? 'public key' : 'signature.publicKey', `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const keyId = keyIdOf(key);
  if (signature['keyId'] !== keyId) {
    return fail(
      'signature.keyId',
      `is ${JSON.stringify(signature['keyId'])}, but the ${trustedPublicKeyPem ? 'trusted' : "bundle's"} public key is ${keyId}: signed by another key`,
    );
  }
  if (!verifySignature(key, canonicalManifest, signature['value'])) {
    return fail('signature', 'does not verify over the manifest: the manifest or the signature was changed after signing');
  }
  return { ok: true, eventCount, streamCount, manifestHash, keyId, trustedKey: trustedPublicKeyPem !== undefined };
}
