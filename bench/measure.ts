/** Timing: warm-up, then repeated runs until enough samples or time, reported as median and p95. */

export interface Timing {
  runs: number
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
}

export interface MeasureOptions {
  warmup?: number
  minRuns?: number
  maxRuns?: number
  /** Stop once this much time is spent and minRuns are done. */
  budgetMs?: number
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    runs: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  }
}

export async function measure(work: () => unknown, options: MeasureOptions = {}): Promise<Timing> {
  const { warmup = 3, minRuns = 15, maxRuns = 200, budgetMs = 1_500 } = options
  for (let i = 0; i < warmup; i++) await work()
  const samples: number[] = []
  const started = performance.now()
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const t0 = performance.now()
    await work()
    samples.push(performance.now() - t0)
  }
  return summarize(samples)
}

/**
 * Ours and its baseline in turns, one run of each per round: a machine that slows down for a
 * while (other work on a shared 2-core box) then weighs on both alike, so their ratio holds.
 */
export async function measurePair(a: () => unknown, b: () => unknown, options: MeasureOptions = {}): Promise<[Timing, Timing]> {
  const { warmup = 3, minRuns = 15, maxRuns = 200, budgetMs = 3_000 } = options
  for (let i = 0; i < warmup; i++) {
    await a()
    await b()
  }
  const first: number[] = []
  const second: number[] = []
  const started = performance.now()
  while (first.length < maxRuns && (first.length < minRuns || performance.now() - started < budgetMs)) {
    let t0 = performance.now()
    await a()
    first.push(performance.now() - t0)
    t0 = performance.now()
    await b()
    second.push(performance.now() - t0)
  }
  return [summarize(first), summarize(second)]
}

/** Rounds for the table and the JSON: three significant decimals are plenty for milliseconds. */
export const round = (ms: number): number => (Number.isFinite(ms) ? Math.round(ms * 1000) / 1000 : ms)
