import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { createTranslator } from 'next-intl';
import { env } from '@/lib/env';
import da from '@/lib/i18n/messages/da.json';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

let transporter: Transporter | undefined;

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  transporter ??= nodemailer.createTransport(SMTP_URL);
  await transporter.sendMail({ from: MAIL_FROM, ...mail });
}

/** Mail goes out in Danish, the language of the municipality's correspondence. */
export const mailText = createTranslator({ locale: 'da', messages: da, namespace: 'mail' });
