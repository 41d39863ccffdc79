import { expect, test } from './fixtures';

test('every page carries the security headers and a nonce-based CSP that Next.js’s scripts satisfy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ['/', '/signin']) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['strict-transport-security']).toContain('max-age=');
    // Next.js's inline scripts carry this request's nonce, so they run.
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
    const scriptNonces = await page.locator('script[nonce]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  }
  expect(violations).toEqual([]);
});

test('a server action posted from another origin is refused and changes nothing', async ({ page, request, baseURL }) => {
  await page.goto('/');
  // The language form's server action, as a form without JavaScript would post it.
  const actionField = await page.locator('form:has(input[name=locale]) input[name^="$ACTION_ID_"]').getAttribute('name');
  const post = (origin: string) =>
    request.post(`${baseURL}/`, { headers: { Origin: origin }, multipart: { [actionField!]: '', locale: 'en' }, maxRedirects: 0 });

  const forged = await post('https://evil.example');
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(forged.headers()['set-cookie'] ?? '').not.toContain('NEXT_LOCALE');

  // The same request from the app's own origin does change the language: the refusal above is the origin check.
  const genuine = await post(baseURL!);
  expect(genuine.headers()['set-cookie'] ?? '').toContain('NEXT_LOCALE=en');
});
