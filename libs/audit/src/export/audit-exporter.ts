import type { EventStore, RecordedEvent } from '@casebook/event-store';
import type { AuditBundle, ExportScope } from '../bundle/audit-bundle';
import { buildAuditBundle } from '../bundle/build-audit-bundle';
import type { GlobalChain } from '../global-chain/global-chain';
import type { GlobalChainSealer } from '../global-chain/global-chain-sealer';
import type { AuditSigningKey } from '../signing/audit-signing-key';

/** How long an export waits for its last event to be sealed in the global chain before answering 503. */
export const SEAL_WAIT_MS = 5_000;
/** Streams read at once while gathering an export. */
const READ_CONCURRENCY = 32;

/** The export's last event is not in the global chain yet (the sealer is behind); the caller may retry. */
export class ChainNotSealedError extends Error {
  constructor(readonly position: number) {
    super(`The global audit chain has not yet sealed position ${position}`);
  }
}

export interface AuditExporterDeps {
  readonly store: EventStore;
  readonly chain: GlobalChain;
  readonly sealer: GlobalChainSealer;
  readonly key: AuditSigningKey;
  readonly softwareVersion: string;
  /** Opens the personal texts of the events' data for the bundle's readable copy (identity without privacy). */
  readonly reveal?: (data: readonly unknown[]) => Promise<readonly unknown[]>;
}

/** Gathers whole streams, waits until they are sealed, and returns the signed bundle. */
export class AuditExporter {
  constructor(private readonly deps: AuditExporterDeps) {}

  get keyId(): string {
    return this.deps.key.keyId;
  }

  async export(
    streamIds: readonly string[],
    scope: ExportScope,
    exportedBy: { actorId: string; roles: readonly string[] },
    now = new Date(),
  ): Promise<AuditBundle> {
    const events: RecordedEvent[] = [];
    for (let start = 0; start < streamIds.length; start += READ_CONCURRENCY) {
      const read = await Promise.all(streamIds.slice(start, start + READ_CONCURRENCY).map((streamId) => this.deps.store.readStream(streamId)));
      events.push(...read.flat());
    }
    const last = events.reduce((max, event) => Math.max(max, event.globalPosition), -1);
    if (last >= 0 && !(await this.deps.sealer.sealedThrough(last, Date.now() + SEAL_WAIT_MS))) throw new ChainNotSealedError(last);
    const globalLinks = await this.deps.chain.linksAt(events.map((event) => event.globalPosition));
    const opened = this.deps.reveal ? await this.deps.reveal(events.map((event) => event.data)) : events.map((event) => event.data);
    const clearData = new Map(events.map((event, index) => [event.eventId, opened[index]]));
    return buildAuditBundle(
      {
        scope,
        exportedAt: now.toISOString(),
        exportedBy,
        softwareVersion: this.deps.softwareVersion,
        events,
        globalLinks,
        globalChainHead: await this.deps.chain.head(),
        clearData,
      },
      this.deps.key,
    );
  }
}
