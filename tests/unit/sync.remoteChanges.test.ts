import { afterEach, describe, expect, it } from 'vitest'
import { must } from '../support/api'
import { openDevice, removeFolder, syncAll, tempFolder, type Device } from '../support/syncPair'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

const countOn = async (d: Device): Promise<number> => (await must(d.api.sync.notices({}))).remoteChanges

describe('the count of remote changes the views poll', () => {
  it('moves when rows from another machine are applied (the first join too), and only then', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop')
    const b = await openDevice('home')
    cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())

    expect(await countOn(a)).toBe(0)
    await must(a.api.goals.create({ title: 'Ship the API' }))
    await a.join(folder)
    // A's own rows going into the folder are not news to A.
    expect(await countOn(a)).toBe(0)

    await b.join(folder)
    const joined = await countOn(b)
    expect(joined).toBeGreaterThan(0)

    // Passes that bring nothing leave it as it is, on both sides.
    await syncAll(a, b)
    const settledA = await countOn(a)
    const settledB = await countOn(b)
    await syncAll(a, b)
    expect(await countOn(a)).toBe(settledA)
    expect(await countOn(b)).toBe(settledB)

    // B's own write moves nothing on B; A applying it moves A's.
    await must(b.api.goals.create({ title: 'Give a talk' }))
    await b.sync()
    expect(await countOn(b)).toBe(settledB)
    await a.sync()
    expect(await countOn(a)).toBeGreaterThan(settledA)
    expect((await must(a.api.goals.list({}))).map((g) => g.title).sort()).toEqual(['Give a talk', 'Ship the API'])
  })

  it('is in every answer of sync.notices, also with sync off', async () => {
    const a = await openDevice('laptop')
    cleanups.push(() => a.core.dispose())
    expect(await must(a.api.sync.notices({ about: { kind: 'goal' } }))).toEqual({ enabled: false, notices: [], remoteChanges: 0 })
  })
})
