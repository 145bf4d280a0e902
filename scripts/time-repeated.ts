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
