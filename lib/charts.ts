/**
 * Round axis ticks covering min..max and 0: about five steps of 1, 2 or 5 times a power of ten,
 * never finer than 1 (the amounts are whole thousands and counts whole numbers).
 */
export function axisTicks(min: number, max: number): number[] {
  const low = Math.min(min, 0);
  const high = Math.max(max, 0, low + 1);
  const raw = Math.max(high - low, 1) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!);
  const ticks: number[] = [];
  for (let value = Math.floor(low / step) * step; value < high + step; value += step) ticks.push(value);
  return ticks;
}
