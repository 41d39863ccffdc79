// Reading the mail that the app's worker delivered to the mail catcher `npm test` starts.
import type { CaughtMail } from '@/scripts/lib/mail-catcher';

export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const catcher = process.env.MAIL_CATCHER_URL;
  if (!catcher) throw new Error('MAIL_CATCHER_URL is not set; run the integration tests through `npm test`.');
  return (await fetch(`${catcher}/messages.json?to=${encodeURIComponent(address)}`)).json() as Promise<CaughtMail[]>;
}

/** Waits until the queued mail to `address` that matches arrives (delivery is asynchronous). */
export async function waitForMail(address: string, matches: (mail: CaughtMail) => boolean = () => true, timeoutMs = 15_000): Promise<CaughtMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await mailsTo(address)).find(matches);
    if (mail) return mail;
    if (Date.now() > until) throw new Error(`No matching mail to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
