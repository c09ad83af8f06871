import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The HS256 secret: AUTH_JWT_SECRET when set; in the embedded default, a random secret made at first start
 * and kept (owner-only) in `$DATA_DIR/auth-secret`, so `npm start` needs no setup and tokens survive restarts.
 */
export function loadOrCreateSecret(configured: string | undefined, file: string): Uint8Array {
  if (configured) return new TextEncoder().encode(configured);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
