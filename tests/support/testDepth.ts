/**
 * How long the time-boxed tests may search. `npm test` gives each of them a short budget (every
 * contract channel is still fuzzed up to its floor, the crash test still kills 100 times);
 * `npm run test:deep` gives them the long budgets, for a run before a release or after a change
 * to validation, the store or sync. The seeds are printed either way, so a failure replays.
 */
export const deep = process.env.PATHFINDER_TEST_DEPTH === 'deep'

export const byDepth = <T>(quick: T, deepValue: T): T => (deep ? deepValue : quick)

/**
 * A property test's seed: `npm test` replays one fixed sequence of runs, the deep run explores
 * new ones. Printed either way; `<name>=<seed>` replays it.
 */
export function propertySeed(name: string): number {
  const seed = Number(process.env[name] ?? (deep ? Math.floor(Math.random() * 2 ** 31) : 20261202))
  console.info(`${name}=${seed} replays these runs`)
  return seed
}
