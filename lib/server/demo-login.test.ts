import { expect, it } from 'vitest';
import { demoLoginAllowed, sessionCookieName } from './demo-login';

it('allows the demo login only when switched on and never in production', () => {
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'development' })).toBe(true);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'test' })).toBe(true);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: false, NODE_ENV: 'development' })).toBe(false);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'production' })).toBe(false);
});

it('uses Auth.js’s session cookie name, secure-prefixed over https', () => {
  expect(sessionCookieName('http://localhost:3000')).toBe('authjs.session-token');
  expect(sessionCookieName('https://budget.example.dk')).toBe('__Secure-authjs.session-token');
});
