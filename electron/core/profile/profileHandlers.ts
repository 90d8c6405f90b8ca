import { z } from 'zod'
import { contract } from '@shared/contract'
import type { Profile } from '@shared/domain/profile'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { settingKeys } from '../settings/settingKeys'

// A value an older or hand-edited file left in a shape this version does not read is "none".
const storedPerson = z
  .object({ name: z.string().nullable().catch(null), jobTitle: z.string().nullable().catch(null) })
  .catch({ name: null, jobTitle: null })

export function profileHandlers(ctx: CoreContext): CoreHandlers['profile'] {
  const c = contract.profile
  const { db, settings, log } = ctx
  // Either table holding a row means the person has been here before the introduction existed.
  const hasData = db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM goal) AS n')

  const read = (): Profile => {
    const person = storedPerson.parse(settings.get(settingKeys.profile) ?? {})
    const done = settings.get(settingKeys.onboardingDone) === true || (hasData.get()?.n ?? 0) > 0
    return { ...person, onboarding: done ? 'done' : 'pending' }
  }

  return {
    get: handle(c.get, read, log),
    save: handle(
      c.save,
      (changes) => {
        const before = storedPerson.parse(settings.get(settingKeys.profile) ?? {})
        settings.set(settingKeys.profile, {
          name: changes.name === undefined ? before.name : changes.name,
          jobTitle: changes.jobTitle === undefined ? before.jobTitle : changes.jobTitle,
        })
        return read()
      },
      log,
    ),
    finishOnboarding: handle(
      c.finishOnboarding,
      () => {
        settings.set(settingKeys.onboardingDone, true)
        return read()
      },
      log,
    ),
  }
}
