import { getTranslations } from 'next-intl/server';

// Pieces of the privacy, accessibility and cookie pages: headed sections and contact lines.

export const legalLink = 'text-blue-800 underline underline-offset-2';

export function LegalSection({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 flex flex-col gap-2">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">{heading}</h2>
      {children}
    </section>
  );
}

/** Name, address, e-mail and phone, each on its own line when given. */
export async function ContactLines({ name, address, email, phone }: { name?: string | null; address?: string | null; email?: string | null; phone?: string | null }) {
  const t = await getTranslations('legal');
  return (
    <address className="not-italic">
      {name && <p>{name}</p>}
      {address && <p>{t('address')} {address}</p>}
      {email && <p>{t('email')} <a href={`mailto:${email}`} className={legalLink}>{email}</a></p>}
      {phone && <p>{t('phone')} <a href={`tel:${phone.replaceAll(' ', '')}`} className={legalLink}>{phone}</a></p>}
    </address>
  );
}
