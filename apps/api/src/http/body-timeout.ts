import type { FastifyInstance } from 'fastify';

/**
 * #31 item 6: a request body must arrive in full within REQUEST_TIMEOUT_MS of its headers. Node's `requestTimeout`
 * stops counting once a request is handed to the application (measured: a body trickling a byte every 100 ms, or
 * stalled half-way, was never cut off), so a client could hold a connection and a parser open for good. The timer
 * starts when the headers are in; when it fires with the body still arriving, the client gets 408 (as Node answers a
 * slow header block) and the connection is closed, which aborts the body's reading: no handler runs, nothing is written.
 */
export function cutOffSlowBodies(fastify: FastifyInstance, timeoutMs: number): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    // No body to wait for; or no socket to cut (a request injected in a test).
    if (raw.complete || !hasBody(raw.headers) || typeof raw.socket?.destroy !== 'function') return done();
    const timer = setTimeout(() => {
      if (raw.complete) return;
      const socket = raw.socket;
      if (!reply.raw.headersSent && socket.writable) {
        const body = JSON.stringify({
          type: 'about:blank',
          title: 'Request Timeout',
          status: 408,
          detail: `The request body did not arrive within ${timeoutMs} ms`,
        });
        socket.write(
          `HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy();
    }, timeoutMs);
    timer.unref();
    const stop = () => clearTimeout(timer);
    raw.once('end', stop);
    raw.once('close', stop);
    done();
  });
}

function hasBody(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}
