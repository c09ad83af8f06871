import { Gauge } from 'prom-client';
import type { EventStore } from '@casebook/event-store';
import type { MetricsSource } from '@casebook/projections';
import type { GlobalChain } from './global-chain';

/**
 * Adds the global chain's state to a process's metrics: how far it is sealed, and how many events wait to be
 * sealed (capped at 10,000). A lag that only grows means exports will start answering 503.
 */
export function withGlobalChainMetrics(source: MetricsSource, chain: GlobalChain, store: EventStore): MetricsSource {
  const sealed = new Gauge({
    name: 'casebook_audit_chain_sealed_position',
    help: 'Global position the sealed audit chain has reached',
    registers: [source.registry],
  });
  const lag = new Gauge({
    name: 'casebook_audit_chain_lag_events',
    help: 'Events not yet sealed in the global audit chain (capped at 10000)',
    registers: [source.registry],
  });
  return {
    registry: source.registry,
    refresh: async () => {
      await source.refresh();
      const head = await chain.head();
      sealed.set(head?.position ?? 0);
      lag.set((await store.readAll({ from: head?.position ?? 'start', limit: 10_000 })).length);
    },
  };
}
