import { describe, expect, it } from 'vitest'
import { apiOf, must } from '../support/api'
import { openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

async function open() {
  const core = await openTempCore({ now: () => new Date('2027-03-15T12:00:00Z') })
  defer(core.dispose)
  return { core, api: apiOf(core) }
}

describe('the profile', () => {
  it('offers the introduction once on an empty store, and keeps a name and title', async () => {
    const { api } = await open()
    expect(await must(api.profile.get(undefined))).toEqual({ name: null, jobTitle: null, onboarding: 'pending' })

    const saved = await must(api.profile.save({ name: '  Ada Lovelace ', jobTitle: 'Backend developer' }))
    expect(saved).toEqual({ name: 'Ada Lovelace', jobTitle: 'Backend developer', onboarding: 'pending' })
    // Only the fields given change; '' clears one.
    expect(await must(api.profile.save({ jobTitle: '' }))).toMatchObject({ name: 'Ada Lovelace', jobTitle: null })

    expect(await must(api.profile.finishOnboarding(undefined))).toMatchObject({ onboarding: 'done' })
    expect(await must(api.profile.get(undefined))).toMatchObject({ name: 'Ada Lovelace', onboarding: 'done' })
  })

  it('never offers it to a store that already holds work', async () => {
    const { api } = await open()
    await must(api.activities.create({ kind: 'talk', date: '2027-03-01', title: 'A talk' }))
    expect(await must(api.profile.get(undefined))).toMatchObject({ onboarding: 'done' })
  })

  it('refuses a name on two lines or too long, in words, and changes nothing', async () => {
    const { api } = await open()
    const twoLines = await api.profile.save({ name: 'Ada\nLovelace' })
    expect(!twoLines.ok && twoLines.error.issues).toEqual([{ path: 'name', message: 'Your name fits on one line' }])
    const long = await api.profile.save({ jobTitle: 'x'.repeat(101) })
    expect(!long.ok && long.error.issues).toEqual([{ path: 'jobTitle', message: 'Keep the job title under 100 characters' }])
    expect(await must(api.profile.get(undefined))).toEqual({ name: null, jobTitle: null, onboarding: 'pending' })
  })

  it('travels with a full export and import', async () => {
    const source = await open()
    await must(source.api.profile.save({ name: 'Ada', jobTitle: 'Staff engineer' }))
    await must(source.api.profile.finishOnboarding(undefined))
    const exported = await must(source.api.data.exportAll(undefined))
    const target = await open()
    await must(target.api.data.importAll({ json: exported.json }))
    expect(await must(target.api.profile.get(undefined))).toEqual({ name: 'Ada', jobTitle: 'Staff engineer', onboarding: 'done' })
  })
})
