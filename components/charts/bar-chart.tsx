import { ScrollRegion } from '@/components/scroll-region';
import { axisTicks } from '@/lib/charts';
import { formatAmount } from '@/lib/format';

export interface BarSeries {
  name: string;
  values: number[];
  /** A Tailwind fill class; series also differ by pattern position and are named in the legend and table. */
  fill: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 36, left: 72 };

/**
 * A grouped bar chart drawn as SVG on the server, so that it needs no JavaScript and prints,
 * with the same figures in a table beside it for screen readers and for reading exact values.
 */
export function BarChart({ id, title, description, categories, series, categoryHeading, unit }: { id: string; title: string; description: string; categories: string[]; series: BarSeries[]; categoryHeading: string; unit: string }) {
  const values = series.flatMap((s) => s.values);
  const axis = axisTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [low, high] = [axis[0]!, axis[axis.length - 1]!];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => MARGIN.top + ((high - value) / (high - low || 1)) * plotHeight;
  const groupWidth = plotWidth / Math.max(categories.length, 1);
  const barWidth = (groupWidth * 0.8) / Math.max(series.length, 1);

  return (
    <figure className="min-w-0 break-inside-avoid rounded border border-slate-300 p-2 sm:p-3" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-semibold">{title}</figcaption>
      <p id={`${id}-description`} className="text-sm text-slate-700">{description}</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 w-full max-w-3xl" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`}>
        {axis.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'stroke-slate-800' : 'stroke-slate-200'} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-800 text-[11px]">{formatAmount(tick)}</text>
          </g>
        ))}
        {categories.map((category, c) => (
          <g key={category}>
            {series.map((s, i) => {
              const value = s.values[c] ?? 0;
              const x = MARGIN.left + c * groupWidth + groupWidth * 0.1 + i * barWidth;
              return <rect key={s.name} x={x} width={Math.max(barWidth - 2, 1)} y={Math.min(y(value), y(0))} height={Math.abs(y(value) - y(0))} className={s.fill} />;
            })}
            <text x={MARGIN.left + c * groupWidth + groupWidth / 2} y={HEIGHT - 14} textAnchor="middle" className="fill-slate-800 text-[12px]">{category}</text>
          </g>
        ))}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name} className="flex items-center gap-2">
            <svg width="14" height="14"><rect width="14" height="14" className={s.fill} /></svg>
            {s.name}
          </li>
        ))}
      </ul>
      <div className="mt-3">
      <ScrollRegion label={title}>
      <table className="table w-full border-collapse text-right text-sm tabular-nums">
        <caption className="sr-only">{`${title} (${unit})`}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-3 text-left">{categoryHeading}</th>
            {series.map((s) => (
              <th key={s.name} scope="col" className="py-1 pr-3">{s.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, c) => (
            <tr key={category} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-3 text-left font-normal">{category}</th>
              {series.map((s) => (
                <td key={s.name} className="py-1 pr-3">{formatAmount(s.values[c] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
      </div>
      <p className="mt-1 text-xs text-slate-700">{unit}</p>
    </figure>
  );
}
