import { type EventStore, GENESIS_HASH, globalHashOf, recomputeEventHash } from '@casebook/event-store';
import type { GlobalChain, GlobalLinkRow } from '../global-chain/global-chain';

const BATCH = 5_000;

export type StoreVerification =
  | { readonly ok: true; readonly eventCount: number; readonly streamCount: number; readonly sealedCount: number }
  | { readonly ok: false; readonly where: string; readonly reason: string };

/**
 * `audit verify-store`: walks every event in global order and checks what an export's verifier checks, for the
 * whole store — each stream chain from revision 0, and the sealed global chain link by link. For an operator
 * who wants to know the store is intact before anyone asks for an export.
 */
export async function verifyStore(store: EventStore, chain: GlobalChain, progress?: (checked: number) => void): Promise<StoreVerification> {
  const heads = new Map<string, { revision: number; hash: string }>();
  let previousGlobalHash = GENESIS_HASH;
  let checked = 0;
  let sealed = 0;
  let links: GlobalLinkRow[] = [];
  let linkAt = 0;
  let after: number | 'start' = 'start';
  for (;;) {
    const events = await store.readAll({ from: after, limit: BATCH });
    if (!events.length) break;
    if (linkAt >= links.length) {
      links = await chain.linksAfter(after === 'start' ? -1 : after, BATCH * 2);
      linkAt = 0;
    }
    for (const event of events) {
      const where = `position ${event.globalPosition} (stream ${event.streamId}, revision ${event.streamRevision})`;
      const head = heads.get(event.streamId);
      const expected = head ? head.revision + 1 : 0;
      if (event.streamRevision !== expected) return { ok: false, where, reason: `stream revision ${expected} was expected: an event is missing` };
      if (!event.hash) return { ok: false, where, reason: 'has no hash: recorded before the audit chain existed' };
      const recomputed = recomputeEventHash(event, head?.hash ?? GENESIS_HASH);
      if (recomputed !== event.hash) return { ok: false, where, reason: 'does not match its stored hash: changed after it was recorded' };
      heads.set(event.streamId, { revision: event.streamRevision, hash: event.hash });

      while (linkAt >= links.length && links.length === BATCH * 2) {
        links = await chain.linksAfter(links.at(-1)!.globalPosition, BATCH * 2);
        linkAt = 0;
      }
      const link = links[linkAt];
      if (link && link.globalPosition === event.globalPosition) {
        linkAt++;
        sealed++;
        if (link.eventHash !== event.hash) return { ok: false, where, reason: 'differs from the hash sealed in the global chain: the event was rewritten' };
        if (link.previousGlobalHash !== previousGlobalHash)
          return { ok: false, where, reason: 'its global link does not follow the previous one: a sealed event is missing' };
        if (globalHashOf({ eventHash: link.eventHash, globalPosition: link.globalPosition, previousGlobalHash }) !== link.globalHash) {
          return { ok: false, where, reason: 'its global link does not recompute' };
        }
        previousGlobalHash = link.globalHash;
      } else if (link && link.globalPosition < event.globalPosition) {
        return { ok: false, where: `position ${link.globalPosition}`, reason: 'is sealed in the global chain, but the store no longer holds that event' };
      }
      checked++;
    }
    after = events.at(-1)!.globalPosition;
    progress?.(checked);
  }
  return { ok: true, eventCount: checked, streamCount: heads.size, sealedCount: sealed };
}
