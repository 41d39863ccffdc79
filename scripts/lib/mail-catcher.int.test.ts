import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher';

let catcher: MailCatcher;
let stopped = false;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  if (!stopped) await catcher.stop();
});

const fetchMails = async (query = '') =>
  (await (await fetch(`${catcher.httpUrl}/messages.json${query}`)).json()) as CaughtMail[];

it('catches mail sent over SMTP and serves it as JSON and HTML', async () => {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: 'Budgethøring <noreply@example.test>',
    to: 'Anna@Example.test',
    subject: 'Log ind <script>alert(1)</script>',
    text: 'Klik her: http://localhost:3000/api/auth/callback/email?token=abc&email=anna%40example.test.\n',
  });
  await transport.sendMail({
    from: 'noreply@example.test',
    to: 'bo@example.test',
    subject: 'Høringssvar',
    text: 'Se vedhæftet fil.',
    attachments: [{ filename: 'svar.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), contentType: 'application/pdf' }],
  });

  const mails = await fetchMails();
  expect(mails).toHaveLength(2);
  expect(mails[0]).toMatchObject({
    id: 1,
    from: '"Budgethøring" <noreply@example.test>',
    to: ['Anna@example.test'], // nodemailer lowercases the domain only
    subject: 'Log ind <script>alert(1)</script>',
    text: expect.stringContaining('token=abc'),
    html: null,
    attachments: [],
  });
  expect(mails[1]).toMatchObject({
    to: ['bo@example.test'],
    subject: 'Høringssvar',
    text: 'Se vedhæftet fil.',
    attachments: [{ filename: 'svar.pdf', contentType: 'application/pdf', size: 15 }],
  });
  expect(Date.parse(mails[1]!.receivedAt)).not.toBeNaN();
  expect(catcher.messages()).toEqual(mails);

  expect((await fetchMails('?to=anna%40example.TEST')).map((mail) => mail.subject)).toEqual([mails[0]!.subject]);
  expect(await fetchMails('?to=nobody%40example.test')).toEqual([]);

  const page = await fetch(`${catcher.httpUrl}/`);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await page.text();
  expect(html).toContain('<html lang="da">');
  expect(html).toContain('<title>Modtagne e-mails (lokal mail-catcher)</title>');
  expect(html).not.toContain('<script>');
  expect(html).toContain('Log ind &#60;script&#62;alert(1)&#60;/script&#62;');
  const link = 'http://localhost:3000/api/auth/callback/email?token=abc&#38;email=anna%40example.test';
  expect(html).toContain(`<a href="${link}">${link}</a>.`);
  expect(html.indexOf('Høringssvar')).toBeLessThan(html.indexOf('Log ind')); // newest first

  expect((await fetch(`${catcher.httpUrl}/nope`)).status).toBe(404);
  expect((await fetch(`${catcher.httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
  expect(await fetchMails()).toEqual([]);
  expect(await (await fetch(`${catcher.httpUrl}/`)).text()).toContain('Ingen e-mails modtaget endnu.');
});

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

it('falls back to a free port when the preferred one is taken', async () => {
  const other = await startMailCatcher({ smtpPort: catcher.smtpPort, httpPort: Number(new URL(catcher.httpUrl).port) });
  try {
    expect(other.smtpPort).not.toBe(catcher.smtpPort);
    expect(other.httpUrl).not.toBe(catcher.httpUrl);
    expect(other.smtpUrl).toBe(`smtp://127.0.0.1:${other.smtpPort}`);
  } finally {
    await other.stop();
  }
});

it('frees both ports on stop()', async () => {
  const httpPort = Number(new URL(catcher.httpUrl).port);
  await catcher.stop();
  stopped = true;
  expect(await portIsFree(catcher.smtpPort)).toBe(true);
  expect(await portIsFree(httpPort)).toBe(true);
});

it('refuses a non-loopback host', async () => {
  await expect(startMailCatcher({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
});
