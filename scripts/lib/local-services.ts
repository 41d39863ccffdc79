// What a developer machine lacks for the app to run on its own: an auth secret and an SMTP
// server. Production sets AUTH_SECRET and SMTP_URL; `npm start` fills the gaps locally.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './database';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

/** A secret kept in .data/ so that sessions survive a restart of `npm start`. */
export function localAuthSecret(): string {
  const file = path.join(projectRoot, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function localMailCatcher(): Promise<MailCatcher> {
  return startMailCatcher({ smtpPort: 2525, httpPort: 3025 });
}
