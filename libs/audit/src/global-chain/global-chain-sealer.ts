import { EventConsumer, type EventStore, GENESIS_HASH, globalHashOf } from '@casebook/event-store';
import type { Logger } from '@casebook/platform';
import type { GlobalChain, GlobalLinkRow } from './global-chain';

const BATCH_SIZE = 2_000;

/**
 * Extends the global chain over the store's global order (decisions.md #32), fed by the one event consumer: its
 * checkpoint is the chain's head, and each batch's links are its effect and its checkpoint move at once. It runs
 * behind the read watermark, like a projection: an event's global predecessor is known only once every transaction
 * below it has ended, and chaining at append would make every append wait for the one before it to commit. It seals
 * each event's stored hash; it does not judge it — `audit verify-store` and every export's verifier recompute them.
 */
export class GlobalChainSealer {
  private readonly consumer: EventConsumer;

  constructor(
    private readonly chain: GlobalChain,
    store: EventStore,
    logger: Logger,
    options: { readonly pollIntervalMs: number },
  ) {
    this.consumer = new EventConsumer({
      name: 'global-chain',
      store,
      // Every stream: the chain holds every event.
      batchSize: BATCH_SIZE,
      pollIntervalMs: options.pollIntervalMs,
      logger,
      checkpoint: async () => (await this.chain.head())?.position ?? 0,
      apply: async ({ events, from }) => {
        const head = await this.chain.head();
        // Another sealer moved the head since this batch was read: its links are not ours to add. The next step
        // reads on from where that one left off.
        if ((head?.position ?? 0) !== from) return;
        let previousGlobalHash = head?.hash ?? GENESIS_HASH;
        const links: GlobalLinkRow[] = events.map((event) => {
          // An event from before the stream chain existed has no hash: sealed as the genesis hash, named by verifiers.
          const eventHash = event.hash ?? GENESIS_HASH;
          const globalHash = globalHashOf({ eventHash, globalPosition: event.globalPosition, previousGlobalHash });
          const link = { globalPosition: event.globalPosition, eventId: event.eventId, eventHash, previousGlobalHash, globalHash };
          previousGlobalHash = globalHash;
          return link;
        });
        // Single writer (GlobalChain.extend is conditional on the head): another sealer that came first wins, and
        // this one reads on from the head that one left.
        await this.chain.extend(head?.position ?? null, links);
      },
    });
  }

  start(): void {
    this.consumer.start();
  }

  nudge(): void {
    this.consumer.nudge();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** Seals the next batch; the number of events sealed (0: nothing new). */
  async sealNext(): Promise<number> {
    return Math.max(await this.consumer.step(), 0);
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
