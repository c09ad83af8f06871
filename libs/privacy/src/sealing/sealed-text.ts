import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A personal text as stored in an event: `enc:v1:<keyrefs>:<base64url(iv ‖ ciphertext ‖ tag)>`, a string where the
 * plain text was, so events keep their shape. `keyrefs` names the data keys it needs (`personId.keyId`, joined by
 * `+`): AES-256-GCM under a key derived (HKDF-SHA256) from all of them, so the text is readable only while every
 * one of those people is remembered — forgetting any of them erases it (decisions.md #37).
 */
export const SEALED_PREFIX = 'enc:v1:';

export interface DataKey {
  readonly personId: string;
  readonly keyId: string;
  readonly key: Buffer;
}

export interface KeyRef {
  readonly personId: string;
  readonly keyId: string;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

function refsText(refs: readonly KeyRef[]): string {
  return refs.map((ref) => `${ref.personId}.${ref.keyId}`).join('+');
}

function contentKey(keys: readonly DataKey[], refs: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.concat(keys.map((key) => key.key)), Buffer.alloc(0), `casebook/text/v1|${refs}`, 32));
}

/** The references and content key of a set of people's keys (in the order given; callers sort them). */
export function contentKeyFor(keys: readonly DataKey[]): { readonly refs: string; readonly key: Buffer } {
  if (!keys.length) throw new Error('A personal text needs at least one person to seal it to');
  const refs = refsText(keys);
  return { refs, key: contentKey(keys, refs) };
}

/** Seals `text` under these people's keys (or a content key made by contentKeyFor for them). */
export function sealText(text: string, keys: readonly DataKey[] | { readonly refs: string; readonly key: Buffer }): string {
  const { refs, key } = Array.isArray(keys) ? contentKeyFor(keys) : (keys as { refs: string; key: Buffer });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(refs, 'utf8'));
  const sealed = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${refs}:${sealed.toString('base64url')}`;
}

/** The key references a sealed text needs, or null when it is not one of ours. */
export function keyRefsOf(sealed: string): KeyRef[] | null {
  const match = /^enc:v1:([A-Za-z0-9_.+-]+):[A-Za-z0-9_-]+$/.exec(sealed);
  if (!match) return null;
  return match[1]!.split('+').map((ref) => {
    const dot = ref.lastIndexOf('.');
    return { personId: ref.slice(0, dot), keyId: ref.slice(dot + 1) };
  });
}

/**
 * The plain text, or null when a key is gone (the person was forgotten) or the text does not open. `derived`
 * memoises content keys across the texts of one reveal (same people, same key): the HKDF was half the cost of
 * opening a case with thousands of texts. It must not outlive the `keys` it was filled from.
 */
export function openText(sealed: string, keys: ReadonlyMap<string, DataKey>, derived?: Map<string, Buffer>): string | null {
  const refs = keyRefsOf(sealed);
  if (!refs) return null;
  const found = refs.map((ref) => keys.get(`${ref.personId}.${ref.keyId}`));
  if (found.some((key) => !key)) return null;
  const body = Buffer.from(sealed.slice(sealed.lastIndexOf(':') + 1), 'base64url');
  if (body.length < 28) return null;
  try {
    const refText = refsText(refs);
    let key = derived?.get(refText);
    if (!key) {
      key = contentKey(found as DataKey[], refText);
      derived?.set(refText, key);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
    decipher.setAAD(Buffer.from(refText, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
