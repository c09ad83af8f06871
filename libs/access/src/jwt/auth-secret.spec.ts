import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecret } from './auth-secret';

describe('the HS256 secret', () => {
  it('uses AUTH_JWT_SECRET when it is set', () => {
    expect(new TextDecoder().decode(loadOrCreateSecret('configured-secret-configured-secret', '/nonexistent/x'))).toBe('configured-secret-configured-secret');
  });

  it('makes a random secret at first start, owner-only, and keeps it across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-secret-'));
    try {
      const file = join(dir, 'auth-secret');
      const first = loadOrCreateSecret(undefined, file);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreateSecret(undefined, file)).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
