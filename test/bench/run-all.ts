/**
 * `npm run bench`: every benchmark in turn — store, projections, relay, peer (Emmett), http, directory, console (Chromium) — each as its own
 * process (so one's memory and JIT do not colour the next), printing what each prints, then a table of every figure
 * with its goal, written to test/bench/results/latest.json and latest.md. Needs a PostgreSQL server
 * (BENCH_DATABASE_URL or DATABASE_URL); for the relay a Kafka broker (KAFKA_BROKERS), else one is started from
 * infra/kafka for the run. Each benchmark also runs alone (`npm run bench:<name>`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../libs/testing/src/free-port';

const ROOT = resolve(__dirname, '../../..');
const BENCHES = ['store', 'projections', 'relay', 'peer', 'http', 'directory', 'console'] as const;

interface Result {
  readonly bench: string;
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  readonly met: boolean | null;
}

function run(bench: string, env: NodeJS.ProcessEnv): Promise<{ results: Result[]; code: number | null; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/test/bench', `${bench}.bench.js`)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const results: Result[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('BENCH_RESULT ')) results.push({ bench, ...(JSON.parse(line.slice('BENCH_RESULT '.length)) as Omit<Result, 'bench'>) });
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.once('exit', (code) => done({ results, code, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

function markdown(results: readonly Result[], meta: Record<string, string>): string {
  const rows = results.map((r) => `| ${r.bench} | ${r.figure} | ${r.value} | ${r.goal} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} |`);
  return [
    `# Benchmarks (${meta['finishedAt']})`,
    '',
    `${meta['machine']}; node ${meta['node']}; ${meta['minutes']} minutes. Figures from one run on a shared machine: ratios measured side by side count, absolute figures vary.`,
    '',
    '| benchmark | figure | value | goal | met |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('npm run bench needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server)\n');
    process.exit(2);
  }
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DATABASE_URL: url, DATABASE_URL: url };
  let kafkaDir: string | undefined;
  if (!env['KAFKA_BROKERS']) {
    const port = await freePort();
    const controller = await freePort();
    kafkaDir = execFileSync('bash', [join(ROOT, 'infra/kafka/start.sh')], {
      env: { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controller) },
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    env['KAFKA_BROKERS'] = `127.0.0.1:${port}`;
  }
  const results: Result[] = [];
  const failed: string[] = [];
  try {
    for (const bench of BENCHES) {
      process.stdout.write(`== bench:${bench}\n`);
      const outcome = await run(bench, env);
      process.stdout.write(`== bench:${bench}: ${outcome.code === 0 ? 'done' : `FAILED (exit ${outcome.code})`} in ${outcome.seconds} s\n`);
      if (outcome.code !== 0) failed.push(bench);
      results.push(...outcome.results);
    }
  } finally {
    if (kafkaDir) execFileSync('bash', [join(ROOT, 'infra/kafka/stop.sh'), kafkaDir], { env: { ...process.env, KAFKA_KEEP_DATA: '0' }, stdio: 'ignore' });
  }
  const meta = {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    minutes: ((Date.now() - started) / 60_000).toFixed(1),
    node: process.version,
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
  };
  const dir = join(ROOT, 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ ...meta, failed, results }, null, 2)}\n`);
  const table = markdown(results, meta);
  writeFileSync(join(dir, 'latest.md'), table);
  process.stdout.write(
    `\n${table}\n${failed.length ? `benchmarks that failed: ${failed.join(', ')}\n` : ''}written: test/bench/results/latest.json, latest.md\n`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
