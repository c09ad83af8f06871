import type * as OpenIdClient from 'openid-client';
import { type OidcConfig, importEsm } from '@casebook/platform';

/** openid-client is an ES module only; the api is compiled to CommonJS (importEsm says how it is loaded). */
const loadOpenIdClient = () => importEsm<typeof OpenIdClient>('openid-client');

/** What the callback needs to finish a login it began: kept on the server, bound to the browser by a cookie. */
export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** A login the provider or the browser got wrong: the callback answers 4xx and signs nobody in. */
export class LoginRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The provider could not be reached or answered nonsense: not the user's fault (502). */
export class ProviderUnavailable extends Error {}

/**
 * The OpenID Connect authorization code flow with PKCE (RFC 7636), state and nonce, through openid-client — the
 * protocol checks (issuer, audience, signature against the provider's JWKS, expiry, nonce, state, PKCE) are the
 * library's, not ours. Discovery happens at the first login and again after a failure, so the api starts even while
 * the identity provider is down.
 */
export class OidcSignIn {
  private configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(private readonly config: OidcConfig) {}

  /** Where to send the browser, and what to keep until it comes back. */
  async begin(): Promise<{ readonly url: string; readonly pending: PendingLogin }> {
    const client = await loadOpenIdClient();
    const configuration = await this.discovered();
    const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /**
   * The callback's query, checked against the login it belongs to; the claims of a verified ID token, completed from
   * userinfo when the ID token leaves the identity claim out (providers that put only `sub` in it).
   */
  async finish(query: string, pending: PendingLogin): Promise<Readonly<Record<string, unknown>>> {
    const client = await loadOpenIdClient();
    const configuration = await this.discovered();
    // The URL the provider redirected to, rebuilt from our own setting, never from the request's Host header.
    const currentUrl = new URL(this.config.redirectUrl);
    currentUrl.search = query;
    let claims: Record<string, unknown>;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      accessToken = tokens.access_token;
    } catch (error) {
      throw refusalOf(error, client);
    }
    if (claims[this.config.identityClaim] === undefined) {
      try {
        claims = { ...(await client.fetchUserInfo(configuration, accessToken, String(claims['sub']))), ...claims };
      } catch (error) {
        throw refusalOf(error, client);
      }
    }
    return claims;
  }

  private discovered(): Promise<OpenIdClient.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const client = await loadOpenIdClient();
    const issuer = new URL(this.config.issuerUrl);
    const authentication = this.config.clientSecret ? client.ClientSecretBasic(this.config.clientSecret) : client.None();
    try {
      // Plain http only reaches here for a provider on a loopback address (oidcConfig refuses it elsewhere).
      return await client.discovery(issuer, this.config.clientId, undefined, authentication, {
        ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      });
    } catch (error) {
      throw new ProviderUnavailable(`The identity provider's discovery at ${issuer.origin} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * What went wrong, in words for the person signing in: a check that failed (state, nonce, PKCE, signature) or the
 * provider's refusal is a 4xx; only a provider that cannot be reached is a 502.
 */
function refusalOf(error: unknown, client: typeof OpenIdClient): Error {
  if (error instanceof client.AuthorizationResponseError) return new LoginRefused(401, `The identity provider refused the sign-in: ${error.error}`);
  if (error instanceof client.ResponseBodyError) return new LoginRefused(401, `The identity provider refused the code: ${error.error}`);
  if (error instanceof client.ClientError) {
    // The library's own check names what failed (state, nonce, issuer…) in its cause; only that message, never the
    // cause's own details, which can hold the ID token's claims.
    const what = error.cause instanceof Error ? error.cause.message : error.message;
    return new LoginRefused(400, `The sign-in's answer did not check out (${error.code ?? 'invalid'}): ${what}`);
  }
  return new ProviderUnavailable(`The identity provider could not be reached: ${error instanceof Error ? error.message : String(error)}`);
}
