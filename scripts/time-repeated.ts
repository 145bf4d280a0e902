/** Median and 95th percentile of a benchmark's samples, in milliseconds. */
export interface RepeatedTiming {
  median: number;
  p95: number;
}

/** Returns the value at `share` (0 to 1) of the samples, by the nearest-rank method. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}

/**
 * Returns the median of the samples: the middle one, or the mean of the two middle ones for an
 * even count, where percentile(samples, 0.5) gives the lower one. 0 when there are none.
 */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return sorted.length === 0 ? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `work` once to warm it, then `runs` times in a row, and returns the median and p95 in ms. */
export async function timeRepeated(work: () => Promise<unknown>, runs: number): Promise<RepeatedTiming> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}
