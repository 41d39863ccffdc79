// Figures for the benchmark and fault scripts: latency percentiles and a concurrency limiter.

/** The q-quantile (0–1) of `values` by the nearest-rank method; NaN when empty. */
export function percentile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The middle value of `values` (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Sample {
  ms: number;
  ok: boolean;
}

export interface Summary {
  requests: number;
  errors: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Requests per second over the wall-clock `seconds`, and percentiles over every request (failed ones too). */
export function summarise(samples: Sample[], seconds: number): Summary {
  const times = samples.map((s) => s.ms);
  return {
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    seconds,
    rate: samples.length / seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times.length ? Math.max(...times) : Number.NaN,
  };
}

export function formatSummary(label: string, s: Summary): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return `${label}: ${s.requests} requests in ${s.seconds.toFixed(1)} s = ${s.rate.toFixed(1)}/s; p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; ${s.errors} errors`;
}

/** Runs `task` for every item with at most `concurrency` at a time; results in item order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Calls `task` from `concurrency` loops for `seconds`, timing each call: a closed-loop load. */
export async function hammer(concurrency: number, seconds: number, task: () => Promise<boolean>): Promise<Summary> {
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await task();
        } catch {
          ok = false;
        }
        samples.push({ ms: performance.now() - t0, ok });
      }
    }),
  );
  return summarise(samples, (performance.now() - start) / 1000);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
