import { type EventStore, GENESIS_HASH, globalHashOf } from '@casebook/event-store';
import { BatchLoop, type Logger } from '@casebook/platform';
import type { GlobalChain, GlobalLinkRow } from './global-chain';

const BATCH_SIZE = 2_000;

/**
 * Extends the global chain over the store's global order (decisions.md #32). It runs behind the read watermark,
 * like a projection: an event's global predecessor is known only once every transaction below it has ended, and
 * chaining at append would make every append wait for the one before it to commit. It seals each event's stored
 * hash; it does not judge it — `audit verify-store` and every export's verifier recompute them.
 */
export class GlobalChainSealer {
  private readonly loop: BatchLoop;

  constructor(
    private readonly chain: GlobalChain,
    private readonly store: EventStore,
    logger: Logger,
    options: { readonly pollIntervalMs: number },
  ) {
    this.loop = new BatchLoop({
      step: () => this.sealNext(),
      pollIntervalMs: options.pollIntervalMs,
      onError: (error, retryInMs) => logger.error({ error: error instanceof Error ? error.message : String(error), retryInMs }, 'sealing the global audit chain failed'),
    });
  }

  start(): void {
    this.loop.start();
  }

  nudge(): void {
    this.loop.nudge();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Seals the next batch; the number of events sealed (0: nothing new, or another sealer took it). */
  async sealNext(): Promise<number> {
    const head = await this.chain.head();
    const events = await this.store.readAll({ from: head?.position ?? 'start', limit: BATCH_SIZE });
    if (!events.length) return 0;
    let previousGlobalHash = head?.hash ?? GENESIS_HASH;
    const links: GlobalLinkRow[] = events.map((event) => {
      // An event from before the stream chain existed has no hash: sealed as the genesis hash, named by verifiers.
      const eventHash = event.hash ?? GENESIS_HASH;
      const globalHash = globalHashOf({ eventHash, globalPosition: event.globalPosition, previousGlobalHash });
      const link = { globalPosition: event.globalPosition, eventId: event.eventId, eventHash, previousGlobalHash, globalHash };
      previousGlobalHash = globalHash;
      return link;
    });
    return (await this.chain.extend(head?.position ?? null, links)) ? links.length : 0;
  }

  /** Seals until the chain reaches `position`, or gives up at `deadline` (ms epoch). True when reached. */
  async sealedThrough(position: number, deadline: number): Promise<boolean> {
    for (;;) {
      const head = await this.chain.head();
      if ((head?.position ?? -1) >= position) return true;
      if (Date.now() >= deadline) return false;
      // Sealing is idempotent and single-writer (GlobalChain.extend), so a reader may help instead of waiting.
      if ((await this.sealNext()) === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
