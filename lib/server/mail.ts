import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { createTranslator } from 'next-intl';
import { env } from '@/lib/env';
import da from '@/lib/i18n/messages/da.json';
import { formatCopenhagen } from '@/lib/deadline';
import { getMunicipality } from '@/lib/server/municipality';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

let transporter: Transporter | undefined;

/** Mail goes out in Danish, the language of the municipality's correspondence. */
export const mailText = createTranslator({ locale: 'da', messages: da, namespace: 'mail' });

/** The budget office, the municipality's name and the office's contact, under every mail. */
export async function mailSignature(): Promise<string> {
  const { name, contactEmail, contactPhone } = await getMunicipality();
  return [
    mailText('signature', { municipality: name }),
    contactEmail && mailText('signatureEmail', { email: contactEmail }),
    contactPhone && mailText('signaturePhone', { phone: contactPhone }),
  ].filter(Boolean).join('\n');
}

/** Sends a mail with the signature appended to its text. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  const text = `${mail.text}\n\n${await mailSignature()}`;
  transporter ??= nodemailer.createTransport(SMTP_URL);
  await transporter.sendMail({ from: MAIL_FROM, ...mail, text });
}

/** The addresses of an organisation's members who have not erased their data. */
export const memberAddresses = (memberships: { user: { email: string; erasedAt: Date | null } }[]) => memberships.filter((m) => !m.user.erasedAt).map((m) => m.user.email);

/** Tells an organisation's members that a consultation opened for them, or reminds them of its deadline. */
export async function mailParty(
  kind: 'reminder' | 'consultationOpen',
  party: { recipients: string[]; organisation: string; consultation: string; deadline: Date; key: { consultationId: string; organisationId: string } },
): Promise<void> {
  if (party.recipients.length === 0) return;
  const values = {
    organisation: party.organisation,
    consultation: party.consultation,
    deadline: formatCopenhagen(party.deadline, 'da'),
    url: `${env().APP_URL}/responses/${party.key.consultationId}/${party.key.organisationId}`,
  };
  await sendMail({
    to: party.recipients.join(', '),
    subject: mailText(`${kind}Subject`, values),
    text: mailText(`${kind}Body`, values),
  });
}
