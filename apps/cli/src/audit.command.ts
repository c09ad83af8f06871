import { existsSync, readFileSync } from 'node:fs';
import { publicKeyFileOf, verifyAuditBundle, verifyStore } from '@casebook/audit';
import type { AppConfig } from '@casebook/platform';
import { withRuntime } from './cli-runtime';

const USAGE = ['usage: npm run cli -- audit verify <bundle.json> [--public-key <key.pem>]', '       npm run cli -- audit verify-store'].join('\n');

/**
 * `audit verify`: checks an exported bundle offline — every hash, every chain link, the manifest and the signature —
 * with the signer's public key; it opens no database. `audit verify-store`: the same checks over the whole store.
 * Exit code 0 = OK, 1 = a check failed (the first failure is printed), 2 = usage or unreadable input.
 */
export async function auditCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'verify' && rest[0]) return verifyBundleFile(rest, config, out);
  if (action === 'verify-store') return verifyWholeStore(config, out);
  out(USAGE);
  return 2;
}

function verifyBundleFile(args: readonly string[], config: AppConfig, out: (line: string) => void): number {
  const [file, flag, keyFile] = args;
  if (flag !== undefined && (flag !== '--public-key' || !keyFile)) {
    out(USAGE);
    return 2;
  }
  // Without --public-key, this installation's own public key when there is one (the embedded default's).
  const localKey = publicKeyFileOf(config.audit.keyFile);
  const trustedFile = keyFile ?? (existsSync(localKey) ? localKey : undefined);
  let bundle: unknown;
  let trusted: string | undefined;
  for (const [name, read] of [
    [file!, () => (bundle = JSON.parse(readFileSync(file!, 'utf8')))],
    [trustedFile, () => (trusted = trustedFile ? readFileSync(trustedFile, 'utf8') : undefined)],
  ] as const) {
    try {
      read();
    } catch (error) {
      out(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const result = verifyAuditBundle(bundle, trusted);
  if (!result.ok) {
    out(`FAILED: ${result.where}: ${result.reason}`);
    return 1;
  }
  out(`OK: ${result.eventCount} events in ${result.streamCount} streams; every hash, chain link and manifest field checks out.`);
  out(`Manifest hash ${result.manifestHash}, signed with key ${result.keyId}.`);
  if (!result.trustedKey)
    out('Warning: no public key was given, so the signature was checked with the key the bundle carries: pass --public-key to know who signed it.');
  return 0;
}

async function verifyWholeStore(config: AppConfig, out: (line: string) => void): Promise<number> {
  return withRuntime(config, async ({ eventStore, audit }) => {
    const result = await verifyStore(eventStore, audit.chain);
    if (!result.ok) {
      out(`FAILED: ${result.where}: ${result.reason}`);
      return 1;
    }
    out(`OK: ${result.eventCount} events in ${result.streamCount} streams verify; ${result.sealedCount} are sealed in the global chain.`);
    return 0;
  });
}
