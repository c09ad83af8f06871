import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { AuthenticationError } from '../principal';
import { mintDevToken } from './dev-token';
import { TokenVerifier } from './token-verifier';

const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough-for-hs256');
const now = Math.floor(Date.now() / 1000);
const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

async function refused(verifier: TokenVerifier, token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

describe('token verification', () => {
  const verifier = new TokenVerifier({ secret });

  it('accepts a valid HS256 token and reads sub, name, roles and schools', async () => {
    const token = await mintDevToken(secret, { sub: 'p-123', roles: ['director'], schools: ['s1', 's2'], name: 'J. de Vries' });
    expect(await verifier.verify(token)).toEqual({ id: 'p-123', name: 'J. de Vries', roles: ['director'], schools: ['s1', 's2'] });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'p-1', roles: ['board'], exp: now + 60 })}.`;
    expect(await refused(verifier, token)).toMatch(/algorithm|malformed/);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintDevToken(new TextEncoder().encode('another-secret-another-secret-xx'), { sub: 'p-1', roles: ['board'] });
    expect(await refused(verifier, token)).toBe('The token signature does not verify');
  });

  it('refuses an expired token and one not yet valid', async () => {
    const expired = await mintDevToken(secret, { sub: 'p-1', roles: ['board'], expiresInSeconds: 60 }, now - 3600);
    expect(await refused(verifier, expired)).toBe('The token has expired');
    const early = await new SignJWT({ roles: ['board'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('p-1')
      .setNotBefore(now + 3600)
      .setExpirationTime(now + 7200)
      .sign(secret);
    expect(await refused(verifier, early)).toMatch(/nbf/);
  });

  it('refuses a token for another issuer or audience when those are configured', async () => {
    const strict = new TokenVerifier({ secret, issuer: 'https://idp.example', audience: 'casebook' });
    const wrong = await mintDevToken(secret, { sub: 'p-1', roles: ['board'], issuer: 'https://evil.example', audience: 'casebook' });
    expect(await refused(strict, wrong)).toMatch(/iss/);
    const right = await mintDevToken(secret, { sub: 'p-1', roles: ['board'], issuer: 'https://idp.example', audience: 'casebook' });
    expect((await strict.verify(right)).id).toBe('p-1');
  });

  it.each([
    ['no sub', { roles: ['board'] }],
    ['a sub that is not an id', { sub: '../../etc', roles: ['board'] }],
    ['no roles', { sub: 'p-1' }],
    ['a role the spec does not know', { sub: 'p-1', roles: ['superuser'] }],
    ['a director without schools', { sub: 'p-1', roles: ['director'] }],
    ['schools that are not ids', { sub: 'p-1', roles: ['teacher'], schools: ['a b'] }],
  ])('refuses a token with %s', async (_label, claims) => {
    const { sub, ...rest } = claims as { sub?: string };
    let jwt = new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(now + 60);
    if (sub) jwt = jwt.setSubject(sub);
    await refused(verifier, await jwt.sign(secret));
  });

  it('refuses a token without exp, and one valid for longer than the configured lifetime (#31)', async () => {
    const signed = (exp?: number) => {
      const jwt = new SignJWT({ roles: ['board'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('p-1').setIssuedAt(now);
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(secret);
    };
    expect(await refused(verifier, await signed())).toBe('The token has no exp claim: every token ends');
    expect(await refused(verifier, await signed(now + 100 * 365 * 24 * 3600))).toMatch(/valid for longer than this service accepts \(24 hours at most\)/);
    expect(await refused(verifier, await signed(now + 25 * 3600))).toMatch(/24 hours at most/);
    await expect(verifier.verify(await signed(now + 23 * 3600))).resolves.toMatchObject({ id: 'p-1' });
    const hourly = new TokenVerifier({ secret, maxLifetimeSeconds: 3600 });
    expect(await refused(hourly, await signed(now + 2 * 3600))).toMatch(/1 hours at most/);
    await expect(hourly.verify(await signed(now + 1800))).resolves.toMatchObject({ id: 'p-1' });
  });

  it('refuses garbage', async () => {
    expect(await refused(verifier, 'not.a.token')).toBe('The token is malformed');
  });

  describe('with a key set (AUTH_JWKS_URL)', () => {
    it('accepts RS256 from the key set and refuses an HS256 token made with the public key (key confusion)', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
      const withKeys = new TokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }) });
      const good = await new SignJWT({ roles: ['legal'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('p-9')
        .setExpirationTime(now + 60)
        .sign(privateKey);
      expect((await withKeys.verify(good)).roles).toEqual(['legal']);

      const publicBytes = new TextEncoder().encode(JSON.stringify(jwk));
      const confused = await new SignJWT({ roles: ['board'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .setSubject('p-9')
        .setExpirationTime(now + 60)
        .sign(publicBytes);
      expect(await refused(withKeys, confused)).toMatch(/algorithm/);
    });
  });
});
