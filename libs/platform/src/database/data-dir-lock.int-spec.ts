import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, DataDirLock } from './data-dir-lock';
import { PgliteSqlClient } from './pglite-sql-client';

describe('the embedded data directory lock (issue #15, defect 1)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casebook-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second PGlite on the same directory, naming the holder, and admits one once the first closed', async () => {
    const first = await PgliteSqlClient.open(join(dir, 'pglite'), 'casebook-api');
    const second = PgliteSqlClient.open(join(dir, 'pglite'), 'casebook-cli');
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(`in use by casebook-api (pid ${process.pid}`);
    await first.close();
    const third = await PgliteSqlClient.open(join(dir, 'pglite'), 'casebook-cli');
    await third.close();
  }, 300_000);

  it('is released by the kernel when its holder is killed (kill -9): never a stale lock', async () => {
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const net=require('net');const {createHash}=require('crypto');const p=require('fs').realpathSync(${JSON.stringify(dir)});` +
          `net.createServer().listen('\\0casebook-data-dir-'+createHash('sha256').update(p).digest('hex').slice(0,40),()=>console.log('held'))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // Wait for the holder to say it holds the lock (its state, not a delay).
    await new Promise<void>((resolve) => holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve()));
    await expect(DataDirLock.acquire(dir, 'test')).rejects.toBeInstanceOf(DataDirInUseError);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const lock = await DataDirLock.acquire(dir, 'test');
    await lock.release();
  }, 300_000);
});
