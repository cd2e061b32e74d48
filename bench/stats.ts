/** Small statistics for benchmarks: percentiles of repeated timings, and ratios reported side by side. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Milliseconds taken by `fn`, `repeat` times (after one warm-up run). */
export async function time(fn: () => Promise<unknown> | unknown, repeat: number): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
