import fc from 'fast-check'

interface Budget {
  /** At most this many inputs. */
  runs: number
  /** Stop early after this long, so a slow machine does not stretch the suite. */
  budgetMs: number
  /** But never fewer than this many inputs, so a loaded machine still tests every channel. */
  floor: number
}

/**
 * One property, time-bounded and then topped up to its floor. `counted` reports how many
 * inputs the predicate has really checked (it may skip some, e.g. values JSON cannot carry).
 *
 * fast-check's time limit stops waiting for a run without stopping it, so a cut-off call could
 * still write while the next property snapshots the store: runs here are chained, one at a
 * time, and the last one has settled before this returns.
 */
export async function assertWithinBudget<T>(arbitrary: fc.Arbitrary<T>, predicate: (input: T) => Promise<void>, counted: () => number, { runs, budgetMs, floor }: Budget): Promise<void> {
  let last: Promise<unknown> = Promise.resolve()
  const property = fc.asyncProperty(arbitrary, async (input) => {
    await last
    const run = predicate(input)
    last = run.catch(() => undefined)
    await run
  })
  const start = counted()
  try {
    const timed = await fc.check(property, { numRuns: runs, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false, endOnFailure: true })
    // fast-check calls a run cut off before its first input a failure; on a loaded machine that
    // only means the floor below does all the work.
    const cutBeforeStart = timed.interrupted && timed.numRuns === 0 && timed.counterexample === null
    if (timed.failed && !cutBeforeStart) throw new Error(fc.defaultReportMessage(timed) ?? 'The property failed', { cause: timed.errorInstance })
    // Skipped inputs count as nothing, so top up in rounds; each round checks at least one input or the arbitrary is all skips.
    for (let round = 0; round < 5 && counted() - start < floor; round++) {
      await last
      await fc.assert(property, { numRuns: floor - (counted() - start), endOnFailure: true })
    }
  } finally {
    await last
  }
}
