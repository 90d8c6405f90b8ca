import { z } from 'zod'
import { reportComposerChoices } from '@shared/contract/reports'
import { reportTemplates, type ReportComposerChoices, type ReportComposerMemory, type ReportTemplate } from '@shared/domain/report'
import type { SettingsRepository } from '../settings/settingsRepository'
import { settingKeys } from '../settings/settingKeys'

const key = settingKeys.reportComposer
// A template's choices an older or hand-edited file holds in a shape this version does not read are forgotten, not a crash.
const stored = z
  .object({
    lastTemplate: z.enum(reportTemplates).nullable().catch(null),
    byTemplate: z.record(z.string(), z.unknown()).catch({}),
  })
  .catch({ lastTemplate: null, byTemplate: {} })

export function readComposerMemory(settings: SettingsRepository): ReportComposerMemory {
  const raw = stored.parse(settings.get(key) ?? {})
  const byTemplate: Partial<Record<ReportTemplate, ReportComposerChoices>> = {}
  for (const template of reportTemplates) {
    const parsed = reportComposerChoices.safeParse(raw.byTemplate[template])
    if (parsed.success) byTemplate[template] = parsed.data
  }
  return { lastTemplate: raw.lastTemplate, byTemplate }
}

export function rememberComposer(settings: SettingsRepository, template: ReportTemplate, choices: ReportComposerChoices): ReportComposerMemory {
  const memory = readComposerMemory(settings)
  const next: ReportComposerMemory = { lastTemplate: template, byTemplate: { ...memory.byTemplate, [template]: choices } }
  settings.set(key, next)
  return next
}
