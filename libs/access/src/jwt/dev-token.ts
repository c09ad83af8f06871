import { SignJWT } from 'jose';
import type { Role } from '@casebook/incidents';

export interface DevTokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly schools?: readonly string[];
  readonly name?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds; default 8 hours, a working day. */
  readonly expiresInSeconds?: number;
}

/** A token for local use and tests, signed HS256 with the configured secret. */
export async function mintDevToken(secret: Uint8Array, claims: DevTokenClaims, now = Math.floor(Date.now() / 1000)): Promise<string> {
  let jwt = new SignJWT({ roles: [...claims.roles], schools: [...(claims.schools ?? [])], ...(claims.name ? { name: claims.name } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 8 * 3600));
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(secret);
}
