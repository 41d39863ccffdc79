// Local SMTP mail catcher for `npm start` without SMTP settings and for the e2e tests: the app
// sends real SMTP through nodemailer, and a person or a test reads the caught mail over HTTP.
import http from 'node:http';
import type net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

export interface MailCatcher {
  smtpPort: number;
  httpUrl: string;
  smtpUrl: string;
  messages(): CaughtMail[];
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const MAX_MESSAGES = 500;
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;
/** The domain whose recipients `npm test`'s catcher refuses, so that tests see a failing SMTP server. */
export const REFUSED_DOMAIN = 'refused.invalid';

/** Listens on `port`, or on any free port when that one is taken or not allowed. */
function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (port !== 0 && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) {
        resolve(listen(server, 0, host));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('Mail catcher: server has no TCP address'));
    });
  });
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// Ends on a non-punctuation character so "…/login?token=x." keeps the full stop outside the link.
const URL_PATTERN = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;

/** Escapes text and turns http(s) URLs into anchors, so a person can follow a sign-in link. */
function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = escapeHtml(match[0]);
    html += `${escapeHtml(text.slice(last, match.index))}<a href="${url}">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

function renderPage(mails: CaughtMail[]): string {
  const items = [...mails].reverse().map((mail) => {
    const attachments = mail.attachments
      .map((a) => `<li>${escapeHtml(a.filename)} (${escapeHtml(a.contentType)}, ${a.size} bytes)</li>`)
      .join('');
    return `<article>
<h2>${escapeHtml(mail.subject || '(intet emne)')}</h2>
<dl>
<dt>Fra</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Til</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>Modtaget</dt><dd><time datetime="${mail.receivedAt}">${mail.receivedAt}</time></dd>
${attachments ? `<dt>Vedhæftede filer</dt><dd><ul>${attachments}</ul></dd>` : ''}
</dl>
<h3>Tekst</h3>
<pre>${linkify(mail.text)}</pre>
</article>`;
  });
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Modtagne e-mails (lokal mail-catcher)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}article{border-top:1px solid #888;padding:.5rem 0}pre{white-space:pre-wrap;overflow-wrap:anywhere}dt{font-weight:bold}</style>
</head>
<body>
<main>
<h1>Modtagne e-mails (lokal mail-catcher)</h1>
<p>${mails.length} e-mail(s), nyeste først. Genindlæs siden for at se nye e-mails.</p>
${items.join('\n') || '<p>Ingen e-mails modtaget endnu.</p>'}
</main>
</body>
</html>`;
}

export async function startMailCatcher(
  options: { smtpPort?: number; httpPort?: number; host?: string; refuseDomain?: string } = {},
): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  // No authentication, so it must never be reachable from other machines.
  if (!LOOPBACK.test(host)) throw new Error(`Mail catcher must listen on loopback, not ${host}`);
  let mails: CaughtMail[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1000, // a pooled client may keep its connection; don't hold up stop() for 30 s
    onRcptTo(address, _session, callback) {
      // A temporary refusal, as a busy or misconfigured relay answers: the sender should retry.
      if (options.refuseDomain && address.address.toLowerCase().endsWith(`@${options.refuseDomain}`)) {
        callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds 25 MB'), { responseCode: 552 }));
          return;
        }
        mails.push({
          id: nextId++,
          from: parsed.from?.text || (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
          // The envelope includes Bcc recipients, which the headers do not.
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: parsed.html || null,
          receivedAt: new Date().toISOString(),
          attachments: parsed.attachments.map((a) => ({
            filename: a.filename ?? '',
            contentType: a.contentType,
            size: a.size,
          })),
        });
        if (mails.length > MAX_MESSAGES) mails = mails.slice(-MAX_MESSAGES);
        callback();
      }, callback);
    },
  });
  let started = false;
  // Socket errors of single clients must not crash the app; bind errors are handled by listen().
  smtp.on('error', (error) => {
    if (started) console.warn('Mail catcher SMTP error:', error.message);
  });

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && url.pathname === '/') {
      send(200, 'text/html', renderPage(mails));
    } else if (req.method === 'GET' && url.pathname === '/messages.json') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const list = to ? mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : mails;
      send(200, 'application/json', JSON.stringify(list));
    } else if (req.method === 'DELETE' && url.pathname === '/messages') {
      mails = [];
      res.writeHead(204).end();
    } else {
      send(404, 'text/plain', 'Not found');
    }
  });

  const smtpPort = await listen(smtp.server, options.smtpPort ?? 0, host);
  started = true;
  const httpPort = await listen(web, options.httpPort ?? 0, host).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => smtp.close(resolve));
    throw error;
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    smtpPort,
    httpUrl: `http://${urlHost}:${httpPort}`,
    smtpUrl: `smtp://${urlHost}:${smtpPort}`,
    messages: () => [...mails],
    stop: async () => {
      const closed = Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(resolve)),
      ]);
      web.closeAllConnections(); // keep-alive sockets (e.g. from fetch) would delay close()
      await closed;
    },
  };
}
