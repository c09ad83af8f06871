/** Polls `condition` until it holds or `timeoutMs` passes; then fails with `message`. Never asserts a duration. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * For a poll that reads a server while a process under test works it hard: a failed read (a pool that timed out
 * waiting for a connection on a loaded CI machine) is "not yet", not the end of the wait. A lasting failure still
 * ends it: the wait times out, naming what it waited for.
 */
export function notYetOnError(condition: () => Promise<boolean>): () => Promise<boolean> {
  return () => condition().catch(() => false);
}
