// A real OpenID Connect provider (oidc-provider) on loopback, standing in for Microsoft Entra ID in
// tests. Sign-in uses the library's development interactions: any login name is accepted.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestOidcServer {
  /** `http://127.0.0.1:PORT`, exactly as the discovery document's `issuer`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export interface StartOidcServerOptions {
  redirectUris: string[];
  /** 0 (the default) picks a free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
}

/** Everything a granted sign-in may see; the scope-to-claim mapping below decides what is released. */
const SCOPES = 'openid email profile';

// oidc-provider ships no type declarations, so the slice of its API used here is typed locally.
interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

interface ProviderContext {
  oidc: {
    provider: {
      Grant: {
        new (init: { accountId: string; clientId: string }): Grant;
        find(id: string): Promise<Grant | undefined>;
      };
    };
    client: { clientId: string };
    account: { accountId: string };
    session: { grantIdFor(clientId: string): string | undefined };
  };
}

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

async function loadProvider(): Promise<ProviderConstructor> {
  // A non-literal specifier keeps TypeScript from demanding declarations for the untyped package.
  const specifier = 'oidc-provider';
  const loaded = (await import(specifier)) as { Provider: ProviderConstructor };
  return loaded.Provider;
}

function accountClaims(accountId: string) {
  const email = accountId.includes('@') ? accountId : `${accountId}@test.example`;
  return { sub: accountId, email, email_verified: true, name: email.split('@')[0] };
}

export async function startOidcServer(options: StartOidcServerOptions): Promise<TestOidcServer> {
  const Provider = await loadProvider();
  const clientId = options.clientId ?? 'test-staff-client';
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('hex');

  // The issuer embeds the port, so listen first (port 0 resolves to a free one) and attach the provider after.
  const server = createServer();
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // Auth.js's default client authentication.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Auth.js reads the profile from the id_token, so scope claims must be in it, not only at userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, accountId: string) => ({ accountId, claims: () => accountClaims(accountId) }),
    // Like an admin-consented Entra app: no consent screen, the single client is granted its scopes at login.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { Grant } = ctx.oidc.provider;
      const { clientId: grantClientId } = ctx.oidc.client;
      const { accountId } = ctx.oidc.account;
      const existingId = ctx.oidc.session.grantIdFor(grantClientId);
      const existing = existingId ? await Grant.find(existingId) : undefined;
      if (existing) return existing;
      const grant = new Grant({ accountId, clientId: grantClientId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    // Fresh keys per run keep the library's shared development keys (and their warning) out.
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    // Random cookie-signing keys. The library marks cookies Secure only on HTTPS requests, so plain http works.
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    // Explicit lifetimes (in seconds) long enough for a test run; they also stop the library's per-default notices.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 86400, IdToken: 3600, Interaction: 3600, Session: 86400 },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    async stop() {
      const closed = once(server, 'close');
      server.close();
      // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
    },
  };
}
