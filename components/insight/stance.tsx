import { useTranslations } from 'next-intl';
import { STANCES, type StanceCounts, type StanceOrNone } from '@/lib/insight/aggregate';

// Stances are told apart by a symbol and a word as well as by colour, so that they read in
// greyscale, in print and with colour blindness. Colours keep at least 4.5:1 contrast.
const STYLE: Record<StanceOrNone, { symbol: string; className: string; bar: string }> = {
  SUPPORT: { symbol: '✓', className: 'bg-green-100 text-green-900', bar: 'bg-green-700' },
  OPPOSE: { symbol: '✗', className: 'bg-red-100 text-red-900', bar: 'bg-red-700' },
  REMARKS: { symbol: '!', className: 'bg-amber-100 text-amber-900', bar: 'bg-amber-500' },
  NO_REMARKS: { symbol: '–', className: 'bg-slate-100 text-slate-800', bar: 'bg-slate-400' },
  NONE: { symbol: '?', className: 'bg-white text-slate-800', bar: 'bg-slate-200' },
};

/** The stances' fills in the charts, the same colours as the marks. */
export const STANCE_FILLS = { SUPPORT: 'fill-green-700', OPPOSE: 'fill-red-700', REMARKS: 'fill-amber-500', NO_REMARKS: 'fill-slate-400' } as const;

export function StanceMark({ stance, compact = false }: { stance: StanceOrNone; compact?: boolean }) {
  const t = useTranslations('insight.stances');
  const { symbol, className } = STYLE[stance];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1 font-medium ${className}`} title={compact ? t(stance) : undefined}>
      <span aria-hidden="true">{symbol}</span>
      {compact ? <span className="sr-only">{t(stance)}</span> : <span>{t(stance)}</span>}
    </span>
  );
}

export function StanceLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-sm">
      {[...STANCES, 'NONE' as const].map((stance) => (
        <li key={stance}><StanceMark stance={stance} /></li>
      ))}
    </ul>
  );
}

/** A stacked bar of the stance distribution with the counts written out beside it. */
export function StanceBar({ counts, total }: { counts: StanceCounts; total: number }) {
  const t = useTranslations('insight');
  const present = ([...STANCES, 'NONE'] as const).filter((stance) => counts[stance] > 0);
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <div className="flex h-3 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
        {present.map((stance) => (
          <div key={stance} className={STYLE[stance].bar} style={{ width: `${(counts[stance] / total) * 100}%` }} />
        ))}
      </div>
      <p className="text-xs">
        {total === 0 ? t('noAnswers') : present.map((stance) => `${STYLE[stance].symbol} ${counts[stance]} ${t(`stances.${stance}`).toLowerCase()}`).join(' · ')}
      </p>
    </div>
  );
}
