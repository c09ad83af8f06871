import { loadOrCreateSecret, mintDevToken, ROLES } from '@casebook/access';
import type { Role } from '@casebook/incidents';
import type { AppConfig } from '@casebook/platform';

/**
 * `npm run token -- --role board --sub p-123 [--schools s1,s2] [--name "..."] [--hours 8]`: prints a JWT signed
 * with the configured secret (AUTH_JWT_SECRET, or the embedded default's generated one). For local use.
 */
export async function tokenCommand(args: readonly string[], config: AppConfig): Promise<string> {
  if (config.auth.jwksUrl) throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command');
  const option = (name: string): string | undefined => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const roles = (option('role') ?? '').split(',').filter(Boolean);
  if (roles.length === 0 || !roles.every((role) => (ROLES as readonly string[]).includes(role))) {
    throw new Error(`--role must be one or more of ${ROLES.join(', ')}`);
  }
  const sub = option('sub');
  if (!sub) throw new Error('--sub <personId> is required');
  const schools = (option('schools') ?? '').split(',').filter(Boolean);
  const hours = Number(option('hours') ?? 8);
  // The api refuses a token that lives longer than AUTH_TOKEN_MAX_HOURS: say so here rather than mint a useless one.
  if (!(hours > 0 && hours <= config.auth.tokenMaxHours))
    throw new Error(`--hours must be more than 0 and at most ${config.auth.tokenMaxHours} (AUTH_TOKEN_MAX_HOURS)`);
  const secret = loadOrCreateSecret(config.auth.jwtSecret, config.auth.secretFile);
  return mintDevToken(secret, {
    sub,
    roles: roles as Role[],
    schools,
    name: option('name'),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    expiresInSeconds: Math.round(hours * 3600),
  });
}
