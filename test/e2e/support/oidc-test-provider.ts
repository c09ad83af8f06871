import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { importEsm } from '@casebook/platform';

/** Who the next person signing in at the provider is: their subject and the claims the provider holds for them. */
export interface TestAccount {
  readonly sub: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
}

export const OIDC_CLIENT_ID = 'casebook-e2e';
export const OIDC_CLIENT_SECRET = randomBytes(24).toString('base64url');
/** The callback registered for the client: the api is driven by `inject` with this host, no port is listened on. */
export const OIDC_REDIRECT_URL = 'http://localhost:3000/auth/callback';

/**
 * A real OpenID provider (the `oidc-provider` package, certified by the OpenID Foundation) on a loopback port: real
 * discovery, authorization endpoint, code flow with PKCE required, RS256 ID tokens signed with a key of its own and
 * published in its JWKS, userinfo. Only its login screen is replaced: the interaction completes at once as the
 * account the test chose (`signInAs`), with consent given — what a person would click.
 */
export class OidcTestProvider {
  private server: Server | undefined;
  private account: TestAccount | undefined;
  private readonly accounts = new Map<string, TestAccount>();
  issuer = '';

  /** `redirectUris`: where the client may be sent back; a browser test names the port its api listens on. */
  async start(redirectUris: readonly string[] = [OIDC_REDIRECT_URL]): Promise<void> {
    // oidc-provider is an ES module only; Jest's CommonJS loader cannot require it, a native import() can.
    const { default: ProviderClass } = await importEsm<{ default: typeof Provider }>('oidc-provider');
    // The issuer names its port, so the port is taken first and the provider handed the listening server after.
    this.server = createServer();
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    const signingKey = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: 'e2e-signing',
      alg: 'RS256',
      use: 'sig',
    };
    const provider = new ProviderClass(this.issuer, {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_secret: OIDC_CLIENT_SECRET,
          redirect_uris: [...redirectUris],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [signingKey as never] },
      pkce: { required: () => true },
      // Lifetimes of its own (the provider's defaults are meant to be replaced, and say so on every use).
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const account = this.accounts.get(sub);
        return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
      },
    });
    provider.use(async (ctx, next) => {
      const match = /^\/interaction\/[^/]+$/.exec(ctx.path);
      if (!match) return next();
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      let result: InteractionResults;
      if (details.prompt.name === 'login') {
        if (!this.account) throw new Error('signInAs() first: nobody is at the provider to sign in');
        this.accounts.set(this.account.sub, this.account);
        result = { login: { accountId: this.account.sub } };
      } else {
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
        grant.addOIDCScope(String(details.params['scope']));
        result = { consent: { grantId: await grant.save() } };
      }
      ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
    });
    this.server.on('request', provider.callback());
  }

  /** The person who signs in at the provider next. */
  signInAs(account: TestAccount): void {
    this.account = account;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
