import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, its own port), so a fault test can
 * stop and restart it without touching the machine's shared cluster. Uses the binaries of the installed server
 * (`pg_config --bindir`, else /usr/lib/postgresql/<version>/bin); as root, the cluster runs as user postgres.
 */
export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly dataDir: string,
    readonly port: number,
    private readonly asUser: string | undefined,
  ) {}

  static available(): boolean {
    return binDir() !== undefined;
  }

  static async create(port: number): Promise<PrivatePostgres> {
    const bin = binDir();
    if (!bin) throw new Error('No PostgreSQL server binaries (initdb, pg_ctl) found');
    const root = userInfo().uid === 0;
    const parent = mkdtempSync(join(tmpdir(), 'casebook-pg-'));
    const dataDir = join(parent, 'data');
    const server = new PrivatePostgres(bin, dataDir, port, root ? 'postgres' : undefined);
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(parent, uid, gid);
    }
    server.run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    server.start();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dataDir, '..', 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** `immediate` is a crash as far as clients can tell: every connection is cut, no clean goodbye. */
  stop(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  destroy(): void {
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) this.stop('immediate');
    } finally {
      rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
    }
  }

  private run(tool: string, args: readonly string[]): void {
    const command = join(this.bin, tool);
    if (this.asUser) execFileSync('runuser', ['-u', this.asUser, '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }
}

function binDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config: look where Debian puts the server
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(base, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}
