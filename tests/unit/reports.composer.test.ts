import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportComposerChoices } from '@shared/domain/report'
import { settingKeys } from '../../electron/core/settings/settingKeys'
import { apiOf, must, refused } from '../support/api'
import { openTempCore } from '../support/tempCore'

/** The composer remembers, per template, the last author, title and options: kept by the core, so both hosts see them. */
let core: Awaited<ReturnType<typeof openTempCore>>
let api: ReturnType<typeof apiOf>
beforeAll(async () => {
  core = await openTempCore()
  api = apiOf(core)
})
afterAll(() => core.dispose())

const jobChoices: ReportComposerChoices = {
  period: { preset: 'last-12-months' },
  sections: ['summary', 'outcomes', 'open-source'],
  exclude: { privateRepositories: true, notes: true, salaryRanges: true },
  author: { name: ' Jane Doe ', title: 'Senior Backend Developer' },
  pageSize: 'letter',
}

describe('the report composer memory', () => {
  it('is empty at first, then keeps each template apart and the one used last', async () => {
    expect(await must(api.reports.composerMemory(undefined))).toEqual({ lastTemplate: null, byTemplate: {} })
    await must(api.reports.rememberComposer({ template: 'job-application', choices: jobChoices }))
    const promotion: ReportComposerChoices = { ...jobChoices, period: { preset: 'custom', from: '2026-01-01', to: '2026-06-30' }, author: { name: 'Jane Doe', title: null }, pageSize: 'a4' }
    const memory = await must(api.reports.rememberComposer({ template: 'promotion-case', choices: promotion }))
    expect(memory.lastTemplate).toBe('promotion-case')
    expect(memory.byTemplate['job-application']).toEqual({ ...jobChoices, author: { name: 'Jane Doe', title: 'Senior Backend Developer' } })
    expect(memory.byTemplate['promotion-case']?.period).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-06-30' })
    expect(await must(api.reports.composerMemory(undefined))).toEqual(memory)
  })

  it('refuses choices a report could not be made from, in words, and keeps what it had', async () => {
    const before = await must(api.reports.composerMemory(undefined))
    const error = await refused(core.dispatch('reports.rememberComposer', { template: 'job-application', choices: { ...jobChoices, sections: ['summary', 'summary'] } }))
    expect(error.message).toContain('A section is listed twice')
    await refused(core.dispatch('reports.rememberComposer', { template: 'job-application', choices: { ...jobChoices, author: { name: 'two\nlines', title: null } } }))
    expect(await must(api.reports.composerMemory(undefined))).toEqual(before)
  })

  it('forgets a template whose stored choices it cannot read, and keeps the others', async () => {
    const memory = await must(api.reports.composerMemory(undefined))
    core.db.prepare('UPDATE setting SET value = ? WHERE key = ?').run(JSON.stringify({ lastTemplate: 'nope', byTemplate: { ...memory.byTemplate, 'promotion-case': { period: 7 } } }), settingKeys.reportComposer)
    const read = await must(api.reports.composerMemory(undefined))
    expect(read.lastTemplate).toBeNull()
    expect(Object.keys(read.byTemplate)).toEqual(['job-application'])
  })
})
