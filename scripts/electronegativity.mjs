// Scans the built app with electronegativity and fails on any finding of medium severity or
// higher that security/electronegativity-suppressions.json does not explain.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv')
const { suppressions } = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-suppressions.json'), 'utf8'))

// The pinned devDependency, so every run scans with the same rules (no download at test time).
// AvailableSecurityFixesGlobalCheck is left out: it fetches Electron's release notes from GitHub,
// a request no test should make (and one that crashes the scanner where the network is closed).
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const run = spawnSync(process.execPath, [cli, '-i', join(root, 'out'), '-e', electronVersion, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report], {
  cwd: root,
  encoding: 'utf8',
  timeout: 5 * 60_000,
})
let csv
try {
  csv = readFileSync(report, 'utf8')
} catch {
  console.error(`electronegativity did not produce a report:\n${run.stdout}\n${run.stderr}`)
  process.exit(1)
}

const parseLine = (line) => [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim())
const findings = csv
  .split('\n')
  .slice(1)
  .filter((line) => line.trim())
  .map((line) => {
    const [check, severity, confidence, file, location, , description] = parseLine(line)
    return { check, severity, confidence, file, location, description }
  })
const serious = findings.filter((f) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(f.severity))
const explained = (f) => suppressions.some((s) => s.check === f.check && s.file === f.file && s.reason?.length > 20)
const open = serious.filter((f) => !explained(f))

console.log(`electronegativity ${electronVersion}: ${findings.length} finding(s), ${serious.length} medium or higher, ${serious.length - open.length} suppressed with a reason.`)
for (const f of open) console.log(`  ${f.severity} ${f.check} ${f.file}:${f.location} ${f.description}`)
process.exit(open.length ? 1 : 0)
