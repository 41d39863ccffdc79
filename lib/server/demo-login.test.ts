import { expect, it } from 'vitest';
import { sessionCookieName } from './demo-login';

it('uses Auth.js’s session cookie name, secure-prefixed over https', () => {
  expect(sessionCookieName('http://localhost:3000')).toBe('authjs.session-token');
  expect(sessionCookieName('https://budget.example.dk')).toBe('__Secure-authjs.session-token');
});
