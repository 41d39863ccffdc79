import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ScrollRegion } from '@/components/scroll-region';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/server/audit-log';
import { currentActor } from '@/lib/server/session';
import { AuditOutcome } from '@/lib/generated/prisma/enums';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const text = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const day = z.iso.date().optional().catch(undefined);
const filterSchema = z.object({ action: text, actorId: text, outcome: z.enum(AuditOutcome).optional().catch(undefined), from: day, to: day });

const field = 'rounded border border-slate-500 bg-white px-2 py-1';
const DAY_MS = 86_400_000;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const filter = filterSchema.parse(await searchParams);
  const [events, t, format] = await Promise.all([
    listAuditEvents(await currentActor(), {
      action: filter.action,
      actorId: filter.actorId,
      outcome: filter.outcome,
      from: filter.from ? new Date(filter.from) : undefined,
      to: filter.to ? new Date(new Date(filter.to).getTime() + DAY_MS) : undefined,
    }),
    getTranslations('audit'),
    getFormatter(),
  ]);
  const change = (before: unknown, after: unknown) =>
    [before && `− ${JSON.stringify(before)}`, after && `+ ${JSON.stringify(after)}`].filter(Boolean).join('\n');

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro', { count: AUDIT_PAGE_SIZE })}</p>
      <form method="get" role="search" aria-label={t('filters')} className="mt-4 flex flex-wrap items-end gap-3 rounded bg-slate-100 p-3">
        <label className="flex flex-col text-sm font-medium">{t('action')}<input name="action" defaultValue={filter.action} className={field} /></label>
        <label className="flex flex-col text-sm font-medium">{t('actor')}<input name="actorId" defaultValue={filter.actorId} className={field} /></label>
        <label className="flex flex-col text-sm font-medium">
          {t('outcome')}
          <select name="outcome" defaultValue={filter.outcome ?? ''} className={field}>
            <option value="">{t('anyOutcome')}</option>
            {Object.values(AuditOutcome).map((outcome) => (
              <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium">{t('from')}<input type="date" name="from" defaultValue={filter.from} className={field} /></label>
        <label className="flex flex-col text-sm font-medium">{t('to')}<input type="date" name="to" defaultValue={filter.to} className={field} /></label>
        <button type="submit" className="rounded bg-brand px-4 py-1.5 font-medium text-white">{t('apply')}</button>
      </form>
      {events.length === 0 ? (
        <p className="mt-4">{t('empty')}</p>
      ) : (
        <div className="mt-4">
          <ScrollRegion label={t('title')}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-700 text-left">
                {(['colTime', 'colActor', 'colAction', 'colOutcome', 'colObject', 'colFrom', 'colChange'] as const).map((key) => (
                  <th key={key} scope="col" className="px-2 py-1">{t(key)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id.toString()} className="border-b border-slate-200 align-top" data-action={event.action}>
                  <td className="whitespace-nowrap px-2 py-1">{format.dateTime(event.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td className="px-2 py-1 font-mono">{event.actorId ?? event.actorRole}</td>
                  <td className="px-2 py-1 font-mono">{event.action}</td>
                  <td className="px-2 py-1">{t(`outcomes.${event.outcome}`)}</td>
                  <td className="px-2 py-1 font-mono">{[event.objectType, event.objectId].filter(Boolean).join(' ')}</td>
                  <td className="px-2 py-1">{event.ip}</td>
                  <td className="px-2 py-1"><pre className="whitespace-pre-wrap text-xs">{change(event.before, event.after)}</pre></td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        </div>
      )}
    </>
  );
}
