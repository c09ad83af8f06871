/**
 * `npm run bench:directory` (issue #18): imports the schools and then BENCH_DIRECTORY_PUPILS (50,000) pupils through
 * the write side, as `POST /directory/imports/pupils` does — every name and date of birth sealed to its pupil, a key
 * made for each — into a scratch database on the PostgreSQL server (BENCH_DATABASE_URL or DATABASE_URL), then runs
 * the same file again (nothing changes). Prints rows/s and the process's peak RSS; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issued } from '@casebook/incidents';
import { createLogger, createScratchDatabase, loadConfig } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { reportResult } from './bench-workloads';

const SCHOOLS = 20;

async function main(): Promise<void> {
  const server = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!server) throw new Error('bench:directory needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server)');
  const pupils = Number(process.env['BENCH_DIRECTORY_PUPILS'] ?? 50_000);
  const database = await createScratchDatabase(server, 'bench_directory');
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-directory-'));
  const runtime = await openRuntime(
    loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    createLogger('warn', 'bench-directory', process.stderr),
    'bench',
  );
  try {
    const issued: Issued = {
      context: { actor: { id: 'board-bench', role: 'board', schools: [] }, now: new Date().toISOString() },
      meta: { correlationId: 'bench-directory', causationId: null },
    };
    const schools = [
      'schoolId,brin,name,holidayRegion,schoolDayEndsAt',
      ...Array.from({ length: SCHOOLS }, (_, i) => `school-${i + 1},${String(10 + i).padStart(2, '0')}AB,Basisschool ${i + 1},midden,15:00`),
    ].join('\n');
    await runtime.writeSide.directory.import('schools', schools, issued);
    const rows = Array.from({ length: pupils }, (_, i) => {
      const born = new Date(Date.UTC(2014 + (i % 8), i % 12, 1 + (i % 28))).toISOString().slice(0, 10);
      return `pupil-${i + 1},Leerling ${i + 1} van Dijk,${born},school-${(i % SCHOOLS) + 1},groep ${1 + (i % 8)},2022-08-22,`;
    });
    const file = ['personId,name,dateOfBirth,schoolId,group,enrolledOn,leftOn', ...rows].join('\n');
    for (const run of ['first run (every pupil new)', 'second run (nothing changed)'] as const) {
      const started = Date.now();
      const outcome = await runtime.writeSide.directory.import('pupils', file, issued);
      const seconds = (Date.now() - started) / 1000;
      if (outcome.outcome !== 'imported') throw new Error(`import ${outcome.outcome}: ${JSON.stringify(outcome).slice(0, 500)}`);
      const rate = Math.round(pupils / seconds);
      const rssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        `directory import of ${pupils} pupils, ${run}: ${seconds.toFixed(1)} s = ${rate} rows/s (created ${outcome.created}, unchanged ${outcome.unchanged}); peak RSS ${rssMiB} MiB`,
      );
      reportResult(`directory import of ${pupils} pupils, ${run}`, `${rate} rows/s, ${seconds.toFixed(1)} s, peak RSS ${rssMiB} MiB`, '—', null);
    }
  } finally {
    await runtime.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
