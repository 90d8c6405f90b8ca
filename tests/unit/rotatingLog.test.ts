import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createRotatingLog } from '../../electron/core/log/rotatingLog'
import { makeTempDir } from '../support/tempCore'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the log file', () => {
  it('writes each line with its time and level, errors with their stack', () => {
    dir = makeTempDir('pathfinder-log-')
    const log = createRotatingLog({ dir: join(dir, 'logs'), now: () => new Date('2027-03-01T09:30:00Z') })
    log.warn('Backup took %d ms', 812)
    log.error('Import failed', new Error('disk full'))
    const text = readFileSync(log.file, 'utf8')
    expect(text).toMatch(/^2027-03-01T09:30:00\.000Z WARN Backup took 812 ms\n2027-03-01T09:30:00\.000Z ERROR Import failed Error: disk full\n\s+at /)
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith(' '))).toHaveLength(2)
  })

  it('rotates past its size and keeps only the newest few files', () => {
    dir = makeTempDir('pathfinder-log-')
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2 })
    for (let i = 0; i < 20; i++) log.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`)
    expect(readdirSync(dir).sort()).toEqual(['pathfinder.1.log', 'pathfinder.2.log', 'pathfinder.log'])
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200)
    // The newest line is in the current file, the one before it in the newest rotation.
    expect(readFileSync(join(dir, 'pathfinder.log'), 'utf8')).toContain('line 19')
    expect(readFileSync(join(dir, 'pathfinder.1.log'), 'utf8')).not.toContain('line 19')
    expect(readdirSync(dir).map((n) => readFileSync(join(dir, n), 'utf8')).join('')).not.toContain('line 00')
  })

  it('never throws, even where it cannot write', () => {
    dir = makeTempDir('pathfinder-log-')
    const log = createRotatingLog({ dir: join(dir, 'no\0such') })
    expect(() => log.error('still here')).not.toThrow()
  })
})
