import { describe, expect, it } from 'vitest'
import { searchItemSchema } from '../../electron/core/importers/github/githubSchemas'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { useTempCores } from '../support/useTempCores'

const { open } = useTempCores()

// SQLite keeps a NUL but its text functions stop there: length('\0') is 0. A title of "\0"
// passed the schemas and then broke the table's CHECK as an internal error (the fuzz test found it).
describe('text holding a NUL character', () => {
  it('is refused at the contract in words, wherever it sits in the input, and nothing changes', async () => {
    const core = await open()
    const api = apiOf(core)
    const before = snapshotStore(core.db)

    const title = await refused(api.activities.create({ kind: 'blog-post', date: '2026-06-30', title: '\0' }))
    expect(title).toMatchObject({ code: 'invalid-input', message: 'Title: Remove the invisible NUL character (\\0): it cannot be stored.' })
    expect(title.issues).toEqual([{ path: 'title', message: 'Remove the invisible NUL character (\\0): it cannot be stored' }])

    const milestone = await refused(api.goals.create({ title: 'Ship it', milestones: [{ title: 'Design' }, { title: 'Bu\0ild' }] }))
    expect(milestone.code).toBe('invalid-input')
    expect(milestone.issues?.map((i) => i.path)).toEqual(['milestones.1.title'])

    expect(snapshotStore(core.db)).toBe(before)
    // The same text without it is fine.
    expect((await must(api.activities.create({ kind: 'blog-post', date: '2026-06-30', title: 'Zero' }))).title).toBe('Zero')
  })

  it('in a data file is refused with where it is, and nothing is imported', async () => {
    const source = await open()
    await must(apiOf(source).goals.create({ title: 'PLACEHOLDER' }))
    const { json } = await must(apiOf(source).data.exportAll({}))
    const core = await open()
    const before = snapshotStore(core.db)

    const error = await refused(apiOf(core).data.importAll({ json: json.replace('PLACEHOLDER', 'Evil\\u0000title') }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/data\.goal\[0\]\.title: Remove the invisible NUL character/)
    expect(error.message).toMatch(/Nothing was imported\.$/)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('from GitHub shows as a replacement character instead of cutting the title short', () => {
    const item = { id: 1, number: 7, title: 'Fix \0 parsing', html_url: 'https://github.com/o/r/pull/7', state: 'open', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', repository_url: 'https://api.github.com/repos/o/r' }
    expect(searchItemSchema.parse(item).title).toBe('Fix \uFFFD parsing')
  })
})

// Half of a UTF-16 surrogate pair has no UTF-8 form: SQLite stored it as invalid UTF-8 and it came back as something else.
describe('text holding a lone surrogate', () => {
  it('is refused at the contract in words, naming the field, and nothing changes', async () => {
    const core = await open()
    const api = apiOf(core)
    const before = snapshotStore(core.db)

    const high = await refused(api.activities.create({ kind: 'blog-post', date: '2026-06-30', title: 'Broken \ud800 title' }))
    expect(high).toMatchObject({ code: 'invalid-input', message: 'Title: Remove the broken character (half of a UTF-16 surrogate pair, such as \\ud800): it cannot be stored.' })
    expect(high.issues).toEqual([{ path: 'title', message: 'Remove the broken character (half of a UTF-16 surrogate pair, such as \\ud800): it cannot be stored' }])
    const low = await refused(api.goals.create({ title: 'Ship it', milestones: [{ title: 'Design' }, { title: '\udc00' }] }))
    expect(low.issues?.map((i) => i.path)).toEqual(['milestones.1.title'])

    expect(snapshotStore(core.db)).toBe(before)
    // A whole pair is an ordinary character and is kept as it is.
    expect((await must(api.activities.create({ kind: 'blog-post', date: '2026-06-30', title: 'Launch \ud83d\ude80' }))).title).toBe('Launch 🚀')
  })

  it('in a data file is refused with where it is, and nothing is imported', async () => {
    const source = await open()
    await must(apiOf(source).goals.create({ title: 'PLACEHOLDER' }))
    const { json } = await must(apiOf(source).data.exportAll({}))
    const core = await open()
    const before = snapshotStore(core.db)

    const error = await refused(apiOf(core).data.importAll({ json: json.replace('PLACEHOLDER', 'Evil\\ud800title') }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/data\.goal\[0\]\.title: Remove the broken character/)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('from GitHub shows as a replacement character', () => {
    const item = { id: 1, number: 7, title: 'Fix \ud800 parsing', html_url: 'https://github.com/o/r/pull/7', state: 'open', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', repository_url: 'https://api.github.com/repos/o/r' }
    expect(searchItemSchema.parse(item).title).toBe('Fix \uFFFD parsing')
  })
})
