import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (for processes a test starts: the api, a worker, a broker). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
  });
}
