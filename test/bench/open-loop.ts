/**
 * An open-loop load at a fixed rate: request i is due at start + i / rate and is sent then, whatever the answers
 * before it did; its latency runs from when it was due (so a stall of the service, or of this generator, is
 * counted in full rather than hidden: "coordinated omission"). autocannon's rate is a per-connection quota per
 * second instead, each connection sending back to back at the start of a second until its quota is spent: that
 * is a burst each second, and with more connections a bigger one — the bare INSERT baseline at 200/s measured a
 * p99 of 8 ms on 2 connections and 78 ms on 10 (decisions #100). Keep-alive sockets, up to `maxSockets` at once.
 */
import http from 'node:http';

export interface OpenLoopRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface OpenLoopOptions {
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly request: (i: number) => OpenLoopRequest;
  readonly rate: number;
  readonly seconds: number;
  readonly maxSockets?: number;
  /** An answer later than this (ms after it was due) counts as an error. */
  readonly timeoutMs?: number;
}

export interface OpenLoopResult {
  readonly sent: number;
  readonly completed: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { hostname, port } = new URL(options.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const answered: Promise<void>[] = [];

  const send = (i: number, due: number): Promise<void> =>
    new Promise<void>((done) => {
      const { method, path, body } = options.request(i);
      const request = http.request(
        { agent, hostname, port, method, path, headers: { ...options.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (response) => {
          response.resume();
          response.once('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) latencies.push(performance.now() - due);
            else errors++;
            done();
          });
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error('timeout')));
      request.once('error', () => {
        errors++;
        done();
      });
      request.end(body);
    });

  const start = performance.now() + 20;
  await new Promise<void>((finished) => {
    const tick = (): void => {
      const now = performance.now();
      // Everything due by now goes out now (a late tick sends its backlog at once, each timed from when it was due).
      while (sent < total && start + (sent * 1000) / options.rate <= now) {
        answered.push(send(sent, start + (sent * 1000) / options.rate));
        sent++;
      }
      if (sent >= total) finished();
      else setTimeout(tick, Math.max(0, start + (sent * 1000) / options.rate - performance.now()));
    };
    setTimeout(tick, 20);
  });
  await Promise.all(answered);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => (latencies.length ? round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!) : NaN);
  return { sent, completed: latencies.length, errors, p50: at(0.5), p99: at(0.99), max: latencies.length ? round(latencies.at(-1)!) : NaN };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
