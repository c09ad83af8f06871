import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A file of the shared specification, which sits beside the repository as `../shared` (as in CI).
 * Tests that check the code against the spec (rule ids, the command table) read it from there.
 */
export function readSharedSpec(relativePath: string): string {
  const file = resolve(__dirname, '../../..', '..', 'shared', relativePath);
  if (!existsSync(file)) throw new Error(`${file} is missing: the shared specification must sit beside the repository as ../shared`);
  return readFileSync(file, 'utf8');
}
