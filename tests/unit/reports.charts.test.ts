import { afterEach, describe, expect, it } from 'vitest'
import type { ReportRepository } from '@shared/domain/report'
import { repositoriesChart } from '../../electron/core/reports/charts'

/** Names a user can give a repository that are also keys every plain object inherits. */
const inheritedKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', `__proto__${'x'.repeat(60)}`]
const repo = (name: string, merged: number): ReportRepository => ({ repo: name, contributions: merged + 1, mergedPullRequests: merged, pullRequests: merged, lastDate: '2026-05-01' })

const inheritedOnObjects = () => {
  const seen: string[] = []
  // for…in is the point: it lists what every object would inherit.
  for (const key in {}) seen.push(key)
  return seen
}

describe('report charts', () => {
  afterEach(() => {
    // A failure must not leak into the rest of this worker's tests.
    for (const key of inheritedOnObjects()) Reflect.deleteProperty(Object.prototype, key)
  })

  it('draw repositories named like inherited object keys as plain labels, without changing Object.prototype', () => {
    // ZRender caches text widths in plain objects; "__proto__" as a key once reached
    // Object.prototype and gave every object "prev" and "next" (patches/zrender+*.patch).
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const svg = repositoriesChart(inheritedKeys.map((name, i) => repo(name, i + 1)), 640)
    const again = repositoriesChart(inheritedKeys.map((name, i) => repo(name, i + 2)), 640)

    expect(inheritedOnObjects()).toEqual([])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(svg).toContain(`>${name}</text>`)
      expect(again).toContain(`>${name}</text>`)
    }
  })
})
