import { loadConfig } from './app-config';
import { ConfigError } from './config-error';

const provider = {
  OIDC_ISSUER_URL: 'https://login.microsoftonline.com/tenant/v2.0',
  OIDC_CLIENT_ID: 'casebook',
  OIDC_REDIRECT_URL: 'https://casebook.stichting.nl/auth/callback',
};

describe('the identity provider settings (OIDC_*)', () => {
  it('is off without OIDC_ISSUER_URL, and matches the e-mail claim with the directory by default', () => {
    expect(loadConfig({}).auth.oidc).toBeUndefined();
    expect(loadConfig(provider).auth.oidc).toEqual({
      ...{ issuerUrl: provider.OIDC_ISSUER_URL, clientId: 'casebook', redirectUrl: provider.OIDC_REDIRECT_URL },
      clientSecret: undefined,
      scopes: 'openid email profile',
      identityClaim: 'email',
      identityMatches: 'email',
    });
    expect(loadConfig({ ...provider, OIDC_IDENTITY_CLAIM: 'oid', OIDC_IDENTITY_MATCHES: 'person-id' }).auth.oidc).toMatchObject({
      identityClaim: 'oid',
      identityMatches: 'person-id',
    });
    // A provider on this machine (the test suite's) may be plain http.
    expect(
      loadConfig({ ...provider, OIDC_ISSUER_URL: 'http://127.0.0.1:4100', OIDC_REDIRECT_URL: 'http://localhost:3000/auth/callback' }).auth.oidc?.issuerUrl,
    ).toBe('http://127.0.0.1:4100');
  });

  it.each([
    ['OIDC_ISSUER_URL', { ...provider, OIDC_ISSUER_URL: 'http://idp.example.nl' }],
    ['OIDC_CLIENT_ID', { ...provider, OIDC_CLIENT_ID: '' }],
    ['OIDC_REDIRECT_URL', { ...provider, OIDC_REDIRECT_URL: undefined }],
    ['OIDC_REDIRECT_URL', { ...provider, OIDC_REDIRECT_URL: 'https://casebook.stichting.nl/elsewhere' }],
    ['OIDC_REDIRECT_URL', { ...provider, OIDC_REDIRECT_URL: 'http://casebook.stichting.nl/auth/callback' }],
    ['OIDC_IDENTITY_CLAIM', { ...provider, OIDC_IDENTITY_CLAIM: 'e mail' }],
    ['OIDC_IDENTITY_MATCHES', { ...provider, OIDC_IDENTITY_MATCHES: 'name' }],
    ['OIDC_SCOPES', { ...provider, OIDC_SCOPES: 'email profile' }],
    ['OIDC_CLIENT_ID', { OIDC_CLIENT_ID: 'casebook' }],
  ])('refuses a bad %s and names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
