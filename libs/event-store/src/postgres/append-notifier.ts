import type { SqlClient } from '@casebook/platform';

const CHANNEL = 'casebook_events';
/** Appends within this window share one NOTIFY. */
const NOTIFY_COALESCE_MS = 25;

/**
 * Wakes subscriptions after an append. In this process directly; in other processes (api → worker) through
 * one NOTIFY per short window, sent outside the append's transaction: a NOTIFY inside it would serialize
 * every committing append on PostgreSQL's notify lock and defeat group commit. A lost wake-up costs at most
 * one poll interval, never an event: subscribers always read the table.
 */
export class AppendNotifier {
  private readonly local = new Set<() => void>();
  private unlisten: (() => Promise<void>) | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;

  constructor(private readonly sql: SqlClient) {}

  async start(): Promise<void> {
    // PGlite is one process: the local wake-up covers it.
    if (this.sql.engine === 'postgres') {
      this.unlisten = await this.sql.listen(CHANNEL, () => this.wakeLocal());
    }
  }

  onAppended(wake: () => void): () => void {
    this.local.add(wake);
    return () => this.local.delete(wake);
  }

  appended(): void {
    this.wakeLocal();
    if (this.sql.engine !== 'postgres' || this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.sql.query(`SELECT pg_notify('${CHANNEL}', '')`).catch(() => undefined);
    }, NOTIFY_COALESCE_MS);
    this.notifyTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.local.clear();
    await this.unlisten?.();
  }

  private wakeLocal(): void {
    for (const wake of this.local) wake();
  }
}
