import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcServer, type TestOidcServer } from './oidc-server';

// Port 9 (discard) is never served, so the final redirect is only inspected, never followed.
const redirectUri = 'http://127.0.0.1:9/api/auth/callback/entra';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
}

/** A browser stand-in: keeps the provider's cookies and surfaces every redirect instead of following it. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** Follows redirects within the provider; returns the page it settles on or the redirect leaving it. */
  async navigate(issuer: string, response: Response): Promise<Page | URL> {
    let current = response;
    let url = current.url;
    while (current.status >= 300 && current.status < 400) {
      const location = new URL(current.headers.get('location') ?? '', url);
      if (location.origin !== issuer) return location;
      url = location.href;
      current = await this.request(url);
    }
    expect(current.status).toBe(200);
    return { url, html: await current.text() };
  }
}

interface Page {
  url: string;
  html: string;
}

/** The first form's action and its inputs as name → { type, value }. */
function parseForm(html: string, pageUrl: string) {
  const action = /<form[^>]*\saction="([^"]*)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  const inputs = new Map<string, { type: string; value: string }>();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const name = attribute('name');
    if (name) inputs.set(name, { type: attribute('type') ?? 'text', value: attribute('value') ?? '' });
  }
  return { action: new URL(action ?? '', pageUrl).href, inputs };
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

describe('test OIDC server', () => {
  let server: TestOidcServer;
  let discovery: Discovery;

  beforeAll(async () => {
    server = await startOidcServer({ redirectUris: [redirectUri] });
    const response = await fetch(`${server.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    discovery = (await response.json()) as Discovery;
  });

  afterAll(async () => {
    await server.stop();
  });

  it('publishes discovery metadata for its loopback issuer', () => {
    expect(server.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery.issuer).toBe(server.issuer);
    expect(discovery.authorization_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(discovery.token_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(discovery.jwks_uri).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('signs any login name in through the authorization-code flow with PKCE', async () => {
    const browser = new Browser();
    const state = base64url(randomBytes(16));
    const nonce = base64url(randomBytes(16));
    const codeVerifier = base64url(randomBytes(32));
    const authorize = new URL(discovery.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: server.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: base64url(createHash('sha256').update(codeVerifier).digest()),
      code_challenge_method: 'S256',
    }).toString();

    const loginPage = await browser.navigate(server.issuer, await browser.request(authorize.href));
    if (loginPage instanceof URL) throw new Error(`Expected the login page, was redirected to ${loginPage.href}`);
    expect(loginPage.html).toContain('<h1>Sign-in</h1>');
    const form = parseForm(loginPage.html, loginPage.url);
    expect([...form.inputs.keys()]).toEqual(['prompt', 'login', 'password']);
    const body = new URLSearchParams();
    for (const [name, input] of form.inputs) {
      if (input.type === 'hidden') body.set(name, input.value);
    }
    body.set('login', 'staff@test.example');
    body.set('password', 'anything');

    // No consent screen: the login submission leads straight back to the client.
    const submitted = await browser.request(form.action, { method: 'POST', body });
    const callback = await browser.navigate(server.issuer, submitted);
    if (!(callback instanceof URL)) throw new Error(`Expected the redirect to the client, got a page:\n${callback.html}`);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(server.issuer);
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const tokenResponse = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code ?? '',
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string };
    const idToken = JSON.parse(Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(idToken).toMatchObject({
      iss: server.issuer,
      aud: server.clientId,
      sub: 'staff@test.example',
      email: 'staff@test.example',
      email_verified: true,
      name: 'staff',
      nonce,
    });

    const userinfo = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await userinfo.json()).toMatchObject({ sub: 'staff@test.example', email: 'staff@test.example' });
  });

  it('frees its port on stop()', async () => {
    const other = await startOidcServer({ redirectUris: [redirectUri] });
    const port = Number(new URL(other.issuer).port);
    await other.stop();
    const probe = createServer().listen(port, '127.0.0.1');
    await once(probe, 'listening');
    probe.close();
    await once(probe, 'close');
  });
});
