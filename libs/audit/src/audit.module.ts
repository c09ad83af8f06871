import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { softwareVersion } from '@casebook/platform';
import { RUNTIME, type Runtime, RuntimeModule } from '@casebook/runtime';
import { AuditExporter } from './export/audit-exporter';
import { GlobalChain } from './global-chain/global-chain';
import { GlobalChainSealer } from './global-chain/global-chain-sealer';
import { AuditSigningKey, publicKeyFileOf } from './signing/audit-signing-key';

/** Seals the global chain in the process that runs the subscriptions (the worker; the api in the embedded default). */
@Injectable()
export class GlobalChainSealerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(GlobalChainSealer) private readonly sealer: GlobalChainSealer) {}

  onApplicationBootstrap(): void {
    this.sealer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sealer.stop();
  }
}

function loadSigningKey(runtime: Runtime): AuditSigningKey {
  const { config, logger } = runtime;
  const { key, generated } = AuditSigningKey.load(config.audit.signingKey, config.audit.keyFile);
  const source = config.audit.signingKey ? 'AUDIT_SIGNING_KEY' : config.audit.keyFile;
  // The public key is for anyone who verifies an export: printed (it is not a secret) so the operator can hand it on.
  logger.info(
    { keyId: key.keyId, source, publicKeyFile: config.audit.signingKey ? undefined : publicKeyFileOf(config.audit.keyFile), publicKey: key.publicKeyPem },
    generated ? 'audit signing key generated; exports are verified with its public key' : 'audit exports are signed with this key',
  );
  if (!config.audit.signingKey && config.database.kind === 'postgres') {
    logger.warn({ keyFile: config.audit.keyFile }, 'AUDIT_SIGNING_KEY is not set: exports are signed with a key generated on this machine; set it so every replica signs with the same key');
  }
  return key;
}

/** The audit trail of a process: the global chain, its sealer, the signing key and the exporter. */
@Module({})
export class AuditModule {
  static forRuntime(runtime: Runtime, options: { readonly runSealer: boolean }): DynamicModule {
    return {
      module: AuditModule,
      imports: [RuntimeModule.forRuntime(runtime)],
      providers: [
        { provide: GlobalChain, useFactory: (rt: Runtime) => GlobalChain.open(rt.sql), inject: [RUNTIME] },
        {
          provide: GlobalChainSealer,
          useFactory: (chain: GlobalChain, rt: Runtime) => new GlobalChainSealer(chain, rt.eventStore, rt.logger, { pollIntervalMs: rt.config.subscriptions.pollIntervalMs }),
          inject: [GlobalChain, RUNTIME],
        },
        { provide: AuditSigningKey, useFactory: loadSigningKey, inject: [RUNTIME] },
        {
          provide: AuditExporter,
          useFactory: (rt: Runtime, chain: GlobalChain, sealer: GlobalChainSealer, key: AuditSigningKey) =>
            new AuditExporter({ store: rt.eventStore, chain, sealer, key, softwareVersion: softwareVersion(), reveal: (data) => rt.reveal.reveal(data, 'nl') }),
          inject: [RUNTIME, GlobalChain, GlobalChainSealer, AuditSigningKey],
        },
        ...(options.runSealer ? [GlobalChainSealerLifecycle] : []),
      ],
      exports: [GlobalChain, GlobalChainSealer, AuditExporter],
    };
  }
}
