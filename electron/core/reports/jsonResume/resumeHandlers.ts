import { contract } from '@shared/contract'
import type { CoreContext } from '../../context'
import { assertCanDeliver, deliverText } from '../../host/deliverText'
import { handle, type CoreHandlers } from '../../ipc/handle'
import { resolvePeriod } from '../period'
import { createReportSources } from '../reportSources'
import { resolveOptions } from '../resolveOptions'
import { buildJsonResume } from './buildJsonResume'
import { resumeFileName } from './resumeFileName'
import { createResumeSources } from './resumeSources'

export function resumeHandlers(ctx: CoreContext): CoreHandlers['resume'] {
  const { db, settings, now, log, host } = ctx
  const reportSources = createReportSources(db, settings)
  const sources = createResumeSources(db, settings)

  return {
    export: handle(
      contract.resume.export,
      async ({ options, delivery }) => {
        assertCanDeliver(host, delivery)
        const resolved = resolveOptions(options)
        const at = now()
        const zone = resolved.timeZone
        const earliest = resolved.period.preset === 'all-time' ? reportSources.earliestDay(zone) : null
        const period = resolvePeriod(resolved.period, zone, at, earliest)
        const resume = buildJsonResume({
          sources: sources.load(period),
          period,
          author: resolved.author,
          // A résumé is for strangers: private work goes in only when the person says so, whatever the template's default.
          includePrivateRepositories: options.exclude.privateRepositories === false,
          now: at,
        })
        const text = `${JSON.stringify(resume, null, 2)}\n`
        return deliverText(host, delivery, { fileName: resumeFileName(resume.basics.name ?? null), mimeType: 'application/json; charset=utf-8', text })
      },
      log,
    ),
  }
}
