import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key that signs audit exports. AUDIT_SIGNING_KEY when set; otherwise (the embedded default) a key
 * made at first start and kept owner-only at `keyFile`, its public half beside it (`.pub.pem`) to hand to
 * whoever verifies. A verifier needs only the public key.
 */
export class AuditSigningKey {
  readonly publicKeyPem: string;
  /** The first 16 hex digits of SHA-256 over the public key's SPKI DER: how a bundle names its signer. */
  readonly keyId: string;

  private constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    this.keyId = keyIdOf(publicKey);
  }

  static load(configured: string | undefined, keyFile: string): { key: AuditSigningKey; generated: boolean } {
    if (configured) {
      const key = configured.includes('-----BEGIN')
        ? createPrivateKey(configured)
        : createPrivateKey({ key: Buffer.from(configured, 'base64'), format: 'der', type: 'pkcs8' });
      return { key: new AuditSigningKey(key), generated: false };
    }
    let generated = false;
    if (!existsSync(keyFile)) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      chmodSync(keyFile, 0o600);
      writeFileSync(publicKeyFileOf(keyFile), publicKey.export({ format: 'pem', type: 'spki' }));
      generated = true;
    }
    return { key: new AuditSigningKey(createPrivateKey(readFileSync(keyFile, 'utf8'))), generated };
  }

  /** Ed25519 over the exact bytes given (the manifest's canonical JSON). Base64. */
  sign(message: string): string {
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64');
  }
}

export function publicKeyFileOf(keyFile: string): string {
  return keyFile.replace(/\.pem$/, '') + '.pub.pem';
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/** A public key from PEM (SPKI) text. Throws a readable error for anything else. */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key but ${key.asymmetricKeyType}`);
  return key;
}

export function verifySignature(publicKey: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
