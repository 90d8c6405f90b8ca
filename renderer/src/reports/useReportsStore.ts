import { defineStore } from 'pinia'
import { computed, onScopeDispose, reactive, ref, watch } from 'vue'
import type { AppError } from '@shared/contract'
import { hostTimeZone, reportOptions, type ReportOptionsInput } from '@shared/contract/reports'
import type { HostInfo } from '@shared/domain/host'
import {
  reportSections,
  reportTemplateSpecs,
  type ReportComposerChoices,
  type ReportComposerMemory,
  type ReportExclusions,
  type ReportExport,
  type ReportExportFormat,
  type ReportPageSize,
  type ReportPreset,
  type ReportPreview,
  type ReportSectionId,
  type ReportTemplate,
} from '@shared/domain/report'
import { api } from '../api/client'
import { todayIso } from '../ui/dates'
import { issuesByPath } from '../ui/formIssues'
import { useNoticeStore } from '../ui/useNoticeStore'
import { receiveFile } from './receiveFile'

/** How long the preview waits after the last change before it asks the core again. */
export const previewDelayMs = 300

export interface SectionChoice {
  id: ReportSectionId
  included: boolean
}

/** The export buttons, in the order they stand, with what each one is for. */
export const exportFormats: readonly { format: ReportExportFormat; label: string; purpose: string }[] = [
  { format: 'pdf', label: 'PDF', purpose: 'to send or print' },
  { format: 'markdown', label: 'Markdown', purpose: 'for a profile README or a review document' },
  { format: 'html', label: 'HTML', purpose: 'one self-contained web page' },
  { format: 'json', label: 'JSON', purpose: 'the report’s data, for other tools' },
  { format: 'csv', label: 'CSV', purpose: 'the period’s activities and goals, for a spreadsheet' },
]
export const formatLabel = (format: ReportExportFormat): string => exportFormats.find((f) => f.format === format)?.label ?? format

/** The template's sections first, in its order and ticked; the others after, unticked. */
export function sectionsFor(template: ReportTemplate): SectionChoice[] {
  const defaults = reportTemplateSpecs[template].sections
  return [...defaults.map((id) => ({ id, included: true })), ...reportSections.filter((id) => !defaults.includes(id)).map((id) => ({ id, included: false }))]
}

const authorKey = 'pathfinder.reports.author'
interface RememberedAuthor {
  name: string
  title: string
  pageSize: ReportPageSize
}
/** The name, job title and paper size are the same from one report to the next: kept on this computer. */
function rememberedAuthor(): RememberedAuthor {
  const fallback: RememberedAuthor = { name: '', title: '', pageSize: 'a4' }
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(authorKey) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return fallback
    const name = 'name' in parsed && typeof parsed.name === 'string' ? parsed.name : ''
    const title = 'title' in parsed && typeof parsed.title === 'string' ? parsed.title : ''
    const pageSize = 'pageSize' in parsed && parsed.pageSize === 'letter' ? 'letter' : 'a4'
    return { name, title, pageSize }
  } catch {
    return fallback
  }
}

const firstOfYear = (today: string): string => `${today.slice(0, 4)}-01-01`

export const useReportsStore = defineStore('reports', () => {
  const notices = useNoticeStore()
  const remembered = rememberedAuthor()

  // The composer's choices, as the person makes them.
  const preset = ref<ReportPreset>('this-year')
  const customFrom = ref(firstOfYear(todayIso()))
  const customTo = ref(todayIso())
  const template = ref<ReportTemplate>('personal-review')
  const sections = ref<SectionChoice[]>(sectionsFor('personal-review'))
  const exclude = reactive<ReportExclusions>({ ...reportTemplateSpecs['personal-review'].exclude })
  const authorName = ref(remembered.name)
  const authorTitle = ref(remembered.title)
  const pageSize = ref<ReportPageSize>(remembered.pageSize)

  watch([authorName, authorTitle, pageSize], ([name, title, size]) => {
    localStorage.setItem(authorKey, JSON.stringify({ name, title, pageSize: size }))
  })

  // Until a report has been signed here, the cover takes the name and title from the profile.
  if (remembered.name === '' && remembered.title === '') {
    void api.profile.get(undefined).then((profile) => {
      if (!profile.ok || authorName.value !== '' || authorTitle.value !== '') return
      authorName.value = profile.value.name ?? ''
      authorTitle.value = profile.value.jobTitle ?? ''
    })
  }

  /**
   * The composer's last choices per template, kept by the core (reports.composerMemory): the
   * next visit, and the next switch to a template, start where the person left it.
   */
  const memory = ref<ReportComposerMemory | null>(null)

  function applyChoices(choices: ReportComposerChoices) {
    preset.value = choices.period.preset
    if (choices.period.from) customFrom.value = choices.period.from
    if (choices.period.to) customTo.value = choices.period.to
    const chosen = choices.sections
    sections.value = [...chosen.map((id) => ({ id, included: true })), ...reportSections.filter((id) => !chosen.includes(id)).map((id) => ({ id, included: false }))]
    Object.assign(exclude, choices.exclude)
    if (choices.author.name !== null || choices.author.title !== null) {
      authorName.value = choices.author.name ?? ''
      authorTitle.value = choices.author.title ?? ''
    }
    pageSize.value = choices.pageSize
  }

  /** A template starts where it was left, or, never used, from its own sections and exclusions. */
  function chooseTemplate(next: ReportTemplate) {
    template.value = next
    const kept = memory.value?.byTemplate[next]
    if (kept) {
      applyChoices(kept)
      return
    }
    sections.value = sectionsFor(next)
    Object.assign(exclude, reportTemplateSpecs[next].exclude)
  }

  async function loadMemory() {
    const result = await api.reports.composerMemory(undefined)
    if (!result.ok) return
    memory.value = result.value
    const last = result.value.lastTemplate
    const kept = last === null ? undefined : result.value.byTemplate[last]
    if (last !== null && kept) {
      template.value = last
      applyChoices(kept)
    }
  }

  const currentChoices = (): ReportComposerChoices => ({
    period: preset.value === 'custom' ? { preset: 'custom', from: customFrom.value, to: customTo.value } : { preset: preset.value },
    sections: sections.value.filter((s) => s.included).map((s) => s.id),
    exclude: { ...exclude },
    author: { name: authorName.value.trim() === '' ? null : authorName.value.trim(), title: authorTitle.value.trim() === '' ? null : authorTitle.value.trim() },
    pageSize: pageSize.value,
  })
  let rememberTimer: ReturnType<typeof setTimeout> | undefined
  /** Kept a moment after the last change, once the memory is loaded (so loading never overwrites it). */
  function scheduleRemember() {
    if (memory.value === null) return
    clearTimeout(rememberTimer)
    rememberTimer = setTimeout(() => {
      const choices = currentChoices()
      void api.reports.rememberComposer({ template: template.value, choices }).then((result) => {
        if (result.ok) memory.value = result.value
      })
    }, previewDelayMs * 2)
  }

  function setIncluded(id: ReportSectionId, included: boolean) {
    sections.value = sections.value.map((s) => (s.id === id ? { ...s, included } : s))
  }

  /** Moves a section one place up (-1) or down (+1); the report prints them in this order. */
  function moveSection(id: ReportSectionId, by: -1 | 1) {
    const list = [...sections.value]
    const from = list.findIndex((s) => s.id === id)
    const to = from + by
    const moving = list[from]
    const other = list[to]
    if (!moving || !other) return
    list[to] = moving
    list[from] = other
    sections.value = list
  }

  const resetSections = () => {
    sections.value = sectionsFor(template.value)
  }

  const includedSections = computed(() => sections.value.filter((s) => s.included).map((s) => s.id))

  /** Exactly what the core will be asked for. */
  const options = computed<ReportOptionsInput>(() => ({
    period: preset.value === 'custom' ? { preset: 'custom', from: customFrom.value, to: customTo.value } : { preset: preset.value },
    timeZone: hostTimeZone(),
    template: template.value,
    sections: includedSections.value,
    exclude: { ...exclude },
    author: { name: authorName.value.trim() === '' ? null : authorName.value, title: authorTitle.value.trim() === '' ? null : authorTitle.value },
    pageSize: pageSize.value,
  }))

  /** The contract's own schema judges the options here first, so its messages show beside the fields. */
  const issues = computed<Record<string, string>>(() => {
    const parsed = reportOptions.safeParse(options.value)
    const found: Record<string, string> = parsed.success ? {} : issuesByPath(parsed.error.issues)
    // The contract accepts no sections (a cover page); the composer asks for at least one.
    if (includedSections.value.length === 0) found.sections ??= 'Choose at least one section'
    return found
  })
  const valid = computed(() => Object.keys(issues.value).length === 0)

  // The preview: asked for again a moment after the last change, the answer to the latest question wins.
  const preview = ref<ReportPreview | null>(null)
  const previewError = ref<AppError | null>(null)
  const updating = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  async function refreshPreview() {
    clearTimeout(timer)
    if (!valid.value) {
      updating.value = false
      return
    }
    const mine = ++asked
    updating.value = true
    const result = await api.reports.preview({ options: options.value })
    if (mine !== asked) return
    updating.value = false
    if (result.ok) {
      preview.value = result.value
      previewError.value = null
    } else previewError.value = result.error
  }

  function schedulePreview() {
    clearTimeout(timer)
    // A question still on its way is now stale: the answer to it must not land.
    asked += 1
    updating.value = valid.value
    if (valid.value) timer = setTimeout(() => void refreshPreview(), previewDelayMs)
  }

  watch(() => JSON.stringify(options.value), () => {
    schedulePreview()
    if (valid.value) scheduleRemember()
  })

  // Where the exports go, and what has been exported before.
  const host = ref<HostInfo | null>(null)
  const history = ref<ReportExport[]>([])
  const historyError = ref<AppError | null>(null)
  const privateRepositories = ref<string[]>([])
  const knownRepositories = ref<string[]>([])
  const exporting = ref<ReportExportFormat | null>(null)
  const exportError = ref<string | null>(null)

  const canPrintPdf = computed(() => host.value?.canPrintPdf ?? false)

  async function loadHistory() {
    const result = await api.reports.history({ limit: 50 })
    if (result.ok) {
      history.value = result.value
      historyError.value = null
    } else historyError.value = result.error
  }

  async function loadRepositories() {
    const [marked, known] = await Promise.all([api.reports.privateRepositories(undefined), api.activities.repos(undefined)])
    if (marked.ok) privateRepositories.value = marked.value
    if (known.ok) knownRepositories.value = known.value.map((r) => r.repo)
  }

  /** Everything the page shows, at once; the first preview does not wait for the debounce. */
  async function open() {
    await loadMemory()
    const [info] = await Promise.all([api.host.info(undefined), loadHistory(), loadRepositories(), refreshPreview()])
    if (info.ok) host.value = info.value
  }

  /** Replaces the list of private repositories; null when stored, else the error to show. */
  async function savePrivateRepositories(repositories: string[]): Promise<AppError | null> {
    const result = await api.reports.setPrivateRepositories({ repositories })
    if (!result.ok) return result.error
    privateRepositories.value = result.value
    schedulePreview()
    return null
  }

  /**
   * The export the "since the last report" section compares with: the newest one of a
   * different report (template or dates), as the core chooses it.
   */
  const comparedWith = computed<ReportExport | null>(() => {
    const summary = preview.value?.summary
    if (!summary) return null
    return history.value.find((e) => !(e.template === summary.template && e.from === summary.period.from && e.to === summary.period.to)) ?? null
  })

  async function exportAs(format: ReportExportFormat) {
    if (exporting.value !== null || !valid.value) return
    exporting.value = format
    exportError.value = null
    try {
      const delivery = host.value?.canSaveFile ? 'save-dialog' : 'download'
      const result = await api.reports.export({ options: options.value, format, delivery })
      if (!result.ok) {
        exportError.value = `The ${formatLabel(format)} export failed: ${result.error.message}`
        notices.error(result.error)
        return
      }
      const done = result.value
      receiveFile(done)
      if (done.cancelled) return
      if (done.record) history.value = [done.record, ...history.value.filter((e) => e.id !== done.record?.id)]
    } finally {
      exporting.value = null
    }
  }

  // A store torn down (a test's, or a window closing) must not send a late choice to whatever core answers next.
  onScopeDispose(() => {
    clearTimeout(timer)
    clearTimeout(rememberTimer)
  })

  return {
    preset,
    customFrom,
    customTo,
    template,
    sections,
    exclude,
    authorName,
    authorTitle,
    pageSize,
    chooseTemplate,
    setIncluded,
    moveSection,
    resetSections,
    includedSections,
    options,
    issues,
    valid,
    preview,
    previewError,
    updating,
    refreshPreview,
    schedulePreview,
    host,
    canPrintPdf,
    history,
    historyError,
    privateRepositories,
    knownRepositories,
    exporting,
    exportError,
    comparedWith,
    open,
    loadHistory,
    savePrivateRepositories,
    exportAs,
  }
})
