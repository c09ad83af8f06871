import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The master key that wraps every person's data key: PRIVACY_MASTER_KEY (32 bytes, base64) when set; in the
 * embedded default one made at first start and kept owner-only in `$DATA_DIR/privacy-master-key`. It never
 * enters the database, so the key table alone (or a dump of it) decrypts nothing.
 */
export function loadOrCreateMasterKey(configured: string | undefined, file: string): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
