import { ConfigError } from './config-error';
import { type Env, oneOf, optionalString, url } from './env-readers';

/** DIR4: the board's identity provider (OpenID Connect, authorization code with PKCE); unset = no sign-in through it. */
export interface OidcConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Unset: a public client (PKCE alone); set: `client_secret_basic`, as Entra ID and Entree expect of a web app. */
  readonly clientSecret: string | undefined;
  /** The callback the provider has registered for this client: `https://<host>/auth/callback`. */
  readonly redirectUrl: string;
  readonly scopes: string;
  /** Which claim of the ID token (or of userinfo, when the ID token leaves it out) names the person. */
  readonly identityClaim: string;
  /** What that claim is matched with in the directory: a member of staff's e-mail address, or their person id. */
  readonly identityMatches: 'email' | 'person-id';
}

const isLoopbackHost = (host: string) => ['localhost', '127.0.0.1', '[::1]'].includes(host);

/**
 * OIDC_* settings. The issuer must be https — plain http only on a loopback address (a provider on the same machine,
 * as the test suite starts one): tokens and codes must not cross a network in clear.
 */
export function oidcConfig(env: Env): OidcConfig | undefined {
  const issuerUrl = url(env, 'OIDC_ISSUER_URL', ['https', 'http']);
  if (issuerUrl === undefined) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']) {
      if (optionalString(env, name) !== undefined) throw new ConfigError(name, 'is set but OIDC_ISSUER_URL is not: set the identity provider too');
    }
    return undefined;
  }
  const issuer = new URL(issuerUrl);
  if (issuer.protocol === 'http:' && !isLoopbackHost(issuer.hostname))
    throw new ConfigError('OIDC_ISSUER_URL', 'must use https:// (http:// only on a loopback address)');
  const clientId = optionalString(env, 'OIDC_CLIENT_ID');
  if (clientId === undefined) throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER_URL: the client id the identity provider gave Casebook');
  const redirectUrl = url(env, 'OIDC_REDIRECT_URL', ['https', 'http']);
  if (redirectUrl === undefined)
    throw new ConfigError('OIDC_REDIRECT_URL', 'is required with OIDC_ISSUER_URL: the callback registered at the provider, ending in /auth/callback');
  const redirect = new URL(redirectUrl);
  if (redirect.pathname !== '/auth/callback' || redirect.search || redirect.hash)
    throw new ConfigError('OIDC_REDIRECT_URL', "must be this server's /auth/callback, without query or fragment");
  if (redirect.protocol === 'http:' && !isLoopbackHost(redirect.hostname))
    throw new ConfigError('OIDC_REDIRECT_URL', 'must use https:// (http:// only on a loopback address)');
  const identityClaim = optionalString(env, 'OIDC_IDENTITY_CLAIM') ?? 'email';
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(identityClaim)) throw new ConfigError('OIDC_IDENTITY_CLAIM', `is not a claim name: "${identityClaim}"`);
  const scopes = optionalString(env, 'OIDC_SCOPES') ?? 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid') || !/^[\x21\x23-\x5B\x5D-\x7E ]+$/.test(scopes))
    throw new ConfigError('OIDC_SCOPES', 'must be space-separated scopes including openid');
  return {
    issuerUrl,
    clientId,
    clientSecret: optionalString(env, 'OIDC_CLIENT_SECRET'),
    redirectUrl,
    scopes,
    identityClaim,
    identityMatches: oneOf(env, 'OIDC_IDENTITY_MATCHES', ['email', 'person-id'] as const, 'email'),
  };
}
