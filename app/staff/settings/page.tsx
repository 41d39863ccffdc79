import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MunicipalitySettingsForm } from '@/components/municipality-settings-form';
import { getMunicipality } from '@/lib/server/municipality';
import { can } from '@/lib/server/policy';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

// Administrators only: this redirect is for convenience, updateMunicipality() checks for real.
export default async function SettingsPage() {
  if (!(await can(await currentActor(), 'municipality.update'))) redirect('/staff');
  const [{ logoUrl, ...details }, t] = await Promise.all([getMunicipality(), getTranslations('settings')]);
  const settings = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, value ?? ''])) as Parameters<typeof MunicipalitySettingsForm>[0]['settings'];
  return (
    <ClientMessages namespaces={['settings']}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-2xl text-slate-700">{t('intro')}</p>
      <div className="mt-6">
        <MunicipalitySettingsForm settings={settings} logoUrl={logoUrl} />
      </div>
    </ClientMessages>
  );
}
