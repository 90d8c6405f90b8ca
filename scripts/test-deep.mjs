// The long-budget run of the searching tests (see tests/support/testDepth.ts): fuzzing of every
// channel through the registry and over HTTP, the crash test and the sync property tests.
import { spawnSync } from 'node:child_process'

const files = ['tests/unit/contract.fuzz.test.ts', 'tests/unit/contract.fuzz.http.test.ts', 'tests/unit/crash.test.ts', 'tests/unit/sync.property.test.ts', 'tests/unit/syncReconcile.property.test.ts']
const result = spawnSync('npx', ['vitest', 'run', ...files, ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PATHFINDER_TEST_DEPTH: 'deep' },
})
process.exit(result.status ?? 1)
