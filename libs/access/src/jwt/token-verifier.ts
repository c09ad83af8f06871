import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Role } from '@casebook/incidents';
import { AuthenticationError, type Principal, ROLES } from '../principal';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface TokenVerifierOptions {
  /** HS256 shared secret; or */
  readonly secret?: Uint8Array;
  /** a key set (RS256/ES256) such as createRemoteJWKSet(AUTH_JWKS_URL). Exactly one of the two. */
  readonly keys?: JWTVerifyGetKey;
  readonly issuer?: string;
  readonly audience?: string;
  /**
   * The longest a token may still be valid for (AUTH_TOKEN_MAX_HOURS; default a day): a token must carry `exp`, no
   * further ahead than this. A token without an end, or one for a hundred years, is a password that never changes.
   */
  readonly maxLifetimeSeconds?: number;
}

const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies bearer tokens. The accepted algorithms follow from the key: HS256 with a secret, RS256/ES256 with
 * a key set; never `none`, never an HMAC "signed" with a public key (key confusion).
 */
export class TokenVerifier {
  constructor(private readonly options: TokenVerifierOptions) {
    if (!options.secret === !options.keys) throw new Error('TokenVerifier needs exactly one of secret or keys');
  }

  static forJwksUrl(url: string, options: Omit<TokenVerifierOptions, 'keys' | 'secret'> = {}): TokenVerifier {
    return new TokenVerifier({ ...options, keys: createRemoteJWKSet(new URL(url)) });
  }

  async verify(token: string): Promise<Principal> {
    const verifyOptions = {
      algorithms: this.options.secret ? ['HS256'] : ['RS256', 'ES256'],
      issuer: this.options.issuer,
      audience: this.options.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    };
    let payload: JWTPayload;
    try {
      payload = this.options.secret
        ? (await jwtVerify(token, this.options.secret, verifyOptions)).payload
        : (await jwtVerify(token, this.options.keys!, verifyOptions)).payload;
    } catch (error) {
      throw new AuthenticationError(describe(error));
    }
    const maxLifetime = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
    if (payload.exp! > Math.floor(Date.now() / 1000) + maxLifetime + CLOCK_TOLERANCE_SECONDS) {
      throw new AuthenticationError(`The token is valid for longer than this service accepts (${Math.round(maxLifetime / 3600)} hours at most)`);
    }
    return principalFrom(payload);
  }
}

/** The claims of api.md, checked: a token that verifies but lacks them is as useless as a forged one. */
function principalFrom(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || !ID.test(payload.sub)) throw new AuthenticationError('The token has no valid sub claim');
  const roles = payload['roles'];
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => (ROLES as readonly unknown[]).includes(role))) {
    throw new AuthenticationError(`The roles claim must list one or more of ${ROLES.join(', ')}`);
  }
  const schools = payload['schools'] ?? [];
  if (!Array.isArray(schools) || !schools.every((school) => typeof school === 'string' && ID.test(school))) {
    throw new AuthenticationError('The schools claim must be a list of school ids');
  }
  const scoped = (roles as Role[]).some((role) => role === 'director' || role === 'teacher');
  if (scoped && schools.length === 0) throw new AuthenticationError('Directors and teachers need a schools claim');
  const name = payload['name'];
  return { id: payload.sub, name: typeof name === 'string' ? name : null, roles: roles as Role[], schools: schools as string[] };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing')
    return 'The token has no exp claim: every token ends';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this service does not accept';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'No key matches the token';
  return 'The token could not be verified';
}
