/** Small helpers for benchmark scripts: timing and percentiles, printed as aligned figures. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times `run` `count` times and returns the sorted durations in ms. */
export async function timeMany(count: number, run: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

/** Prints one figure. */
export function report(label: string, value: number | string, unit = ''): void {
  const shown =
    typeof value === 'number'
      ? Number.isInteger(value)
        ? String(value)
        : Math.abs(value) >= 100
          ? value.toFixed(0)
          : value.toFixed(2)
      : value;
  console.log(`${label.padEnd(58)} ${shown}${unit ? ` ${unit}` : ''}`);
}

/** Prints count, mean, p50, p95 of durations. */
export function reportDurations(label: string, sorted: number[]): void {
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  report(`${label} (n=${sorted.length}) mean`, mean, 'ms');
  report(`${label} p50`, percentile(sorted, 50), 'ms');
  report(`${label} p95`, percentile(sorted, 95), 'ms');
}
