import { AuditExporter, AuditSigningKey, GlobalChain, GlobalChainSealer, publicKeyFileOf } from '@casebook/audit';
import type { EventStore } from '@casebook/event-store';
import { type AppConfig, type Logger, type SqlClient, softwareVersion } from '@casebook/platform';
import type { PersonalDataReveal } from '@casebook/privacy';

/** The audit trail of a process: the global chain, its sealer, the signing key and the exporter. */
export interface AuditTrail {
  readonly chain: GlobalChain;
  readonly sealer: GlobalChainSealer;
  readonly exporter: AuditExporter;
}

function loadSigningKey(config: AppConfig, logger: Logger): AuditSigningKey {
  const { key, generated } = AuditSigningKey.load(config.audit.signingKey, config.audit.keyFile);
  const source = config.audit.signingKey ? 'AUDIT_SIGNING_KEY' : config.audit.keyFile;
  // The public key is for anyone who verifies an export: printed (it is not a secret) so the operator can hand it on.
  logger.info(
    { keyId: key.keyId, source, publicKeyFile: config.audit.signingKey ? undefined : publicKeyFileOf(config.audit.keyFile), publicKey: key.publicKeyPem },
    generated ? 'audit signing key generated; exports are verified with its public key' : 'audit exports are signed with this key',
  );
  if (!config.audit.signingKey && config.database.kind === 'postgres') {
    logger.warn(
      { keyFile: config.audit.keyFile },
      'AUDIT_SIGNING_KEY is not set: exports are signed with a key generated on this machine; set it so every replica signs with the same key',
    );
  }
  return key;
}

export async function openAuditTrail(config: AppConfig, logger: Logger, sql: SqlClient, store: EventStore, reveal: PersonalDataReveal): Promise<AuditTrail> {
  const chain = await GlobalChain.open(sql);
  const sealer = new GlobalChainSealer(chain, store, logger, { pollIntervalMs: config.subscriptions.pollIntervalMs });
  const key = loadSigningKey(config, logger);
  const exporter = new AuditExporter({ store, chain, sealer, key, softwareVersion: softwareVersion(), reveal: (data) => reveal.reveal(data, 'nl') });
  return { chain, sealer, exporter };
}
