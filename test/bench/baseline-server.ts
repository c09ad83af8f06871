/**
 * The physical baseline of `bench:http`: a bare Fastify route doing what a command boils down to — one INSERT of
 * the request's JSON through `pg` — with nothing else (no auth, validation, decider, event store, access log).
 * Started as its own process by http.bench.ts: `node dist/test/bench/baseline-server.js <port> <databaseUrl>`.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const [port, url] = process.argv.slice(2);
  const pool = new Pool({ connectionString: url, max: 20 });
  await pool.query('CREATE TABLE IF NOT EXISTS http_baseline (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  const app = Fastify({ logger: false });
  app.post('/baseline', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>('INSERT INTO http_baseline (body) VALUES ($1) RETURNING id', [JSON.stringify(request.body)]);
    return reply.status(201).send({ id: rows[0]!.id });
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write('ready\n');
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
