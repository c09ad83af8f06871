import type { EventStore } from '@casebook/event-store';
import { type DossierAccess, dossierRead } from './access-recorder';

/** At most this many reads share one commit (the PostgreSQL adapter's transactions hold 4096 events). */
const MAX_BATCH = 500;

interface Pending {
  readonly access: DossierAccess;
  readonly correlationId: string;
  readonly done: (error?: unknown) => void;
}

/**
 * Logs dossier reads with a group commit: while one commit is in flight, the reads that arrive wait for the next,
 * which takes them all in one transaction (`appendToNewStreams`). Each read still waits until its own entry is
 * durable before its answer leaves (decisions #28); under load they share fsyncs instead of queueing for one each.
 * Each entry stays its own one-event stream, so access-log exports still hold whole streams.
 */
export class AccessLogWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly store: EventStore) {}

  record(access: DossierAccess, correlationId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ access, correlationId, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.write(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    const appends = batch.map((pending) => {
      const event = dossierRead(pending.access, pending.correlationId);
      return { streamId: `access-log-${event.eventId}`, events: [event] };
    });
    const group = this.store.appendToNewStreams;
    if (group && batch.length > 1) {
      try {
        await group.call(this.store, appends);
        for (const pending of batch) pending.done();
        return;
      } catch {
        // One bad entry must not cost the others their log line: fall back to one append each.
      }
    }
    await Promise.all(
      appends.map(async (append, index) => {
        try {
          await this.store.appendToStream(append.streamId, append.events, { expectedRevision: 'no-stream' });
          batch[index]!.done();
        } catch (error) {
          batch[index]!.done(error ?? new Error('access log append failed'));
        }
      }),
    );
  }
}
