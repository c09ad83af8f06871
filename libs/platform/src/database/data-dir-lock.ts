import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';

/** Who holds a data directory: written beside it for the refusal message (the lock itself is the socket). */
export interface DataDirOwner {
  readonly process: string;
  readonly pid: number;
  readonly since: string;
}

/** Another process has this embedded data directory open: a second PGlite on the same files would corrupt them. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | undefined,
  ) {
    const by = owner ? `${owner.process} (pid ${owner.pid}, since ${owner.since})` : 'another process';
    super(`The embedded database in ${dataDir} is in use by ${by}: only one process may open it at a time`);
  }
}

/**
 * An exclusive lock on an embedded data directory, held for as long as the process keeps it open. It is a Linux
 * abstract socket named after the directory's real path: binding it is atomic, a second bind fails with
 * EADDRINUSE, and the kernel releases it when the process ends in any way (kill -9 included), so a lock is never
 * left stale — which a lock file cannot promise (decisions.md #49). Abstract sockets belong to a network namespace:
 * two containers sharing one volume would not see each other's lock (the embedded default is for one machine).
 */
export class DataDirLock {
  private constructor(
    private readonly server: Server,
    private readonly ownerFile: string,
  ) {}

  static async acquire(dataDir: string, processName: string): Promise<DataDirLock> {
    const path = realpathSync(dataDir);
    const ownerFile = `${path}.owner.json`;
    const server = createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(`\0casebook-data-dir-${createHash('sha256').update(path).digest('hex').slice(0, 40)}`, () => resolve());
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DataDirInUseError(dataDir, readOwner(ownerFile));
      throw error;
    }
    // The lock must never keep the process alive by itself.
    server.unref();
    const owner: DataDirOwner = { process: processName, pid: process.pid, since: new Date().toISOString() };
    writeFileSync(ownerFile, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
    return new DataDirLock(server, ownerFile);
  }

  async release(): Promise<void> {
    rmSync(this.ownerFile, { force: true });
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function readOwner(file: string): DataDirOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}
