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
 * inputs the property has really checked (it may skip some, e.g. values JSON cannot carry).
 */
export async function assertWithinBudget<T>(property: fc.IAsyncPropertyWithHooks<T>, counted: () => number, { runs, budgetMs, floor }: Budget): Promise<void> {
  const start = counted()
  await fc.assert(property, { numRuns: runs, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false, endOnFailure: true })
  // Skipped inputs count as nothing, so top up in rounds; each round checks at least one input or the arbitrary is all skips.
  for (let round = 0; round < 5 && counted() - start < floor; round++) {
    await fc.assert(property, { numRuns: floor - (counted() - start), endOnFailure: true })
  }
}
