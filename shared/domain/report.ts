import type { ActivityKind, ActivityState } from './activities'
import type { SalaryRange } from './careerPath'
import type { ActivityTally, GoalPriority, GoalStatus } from './goals'
import type { Progress } from './progress'
import type { ItemKind, ItemStatus } from './roadmap'

/**
 * The progress report: one model, computed in core from the store, that every format
 * (Markdown, HTML, PDF, JSON, CSV) renders. The JSON export is this model as it is, so its
 * shape is a public format: see docs/report-json.md. Add fields freely; rename or remove
 * one only with a new schemaVersion.
 */
export const reportSchemaVersion = 1

export const reportPresets = ['this-month', 'this-quarter', 'this-year', 'last-12-months', 'all-time', 'custom'] as const
export type ReportPreset = (typeof reportPresets)[number]
export const reportPresetLabels: Record<ReportPreset, string> = {
  'this-month': 'This month',
  'this-quarter': 'This quarter',
  'this-year': 'This year',
  'last-12-months': 'Last 12 months',
  'all-time': 'All time',
  custom: 'Custom dates',
}

export const reportSections = ['summary', 'outcomes', 'comparison', 'roadmap', 'skills', 'goals', 'open-source', 'strategy-work', 'heatmap'] as const
export type ReportSectionId = (typeof reportSections)[number]
export const reportSectionLabels: Record<ReportSectionId, string> = {
  summary: 'Summary',
  outcomes: 'Selected outcomes',
  comparison: 'Since the last report',
  roadmap: 'Roadmap progress',
  skills: 'Skills',
  goals: 'Goals',
  'open-source': 'Open-source contributions',
  'strategy-work': 'Certifications, community and writing',
  heatmap: 'Contribution activity',
}

export const reportTemplates = ['personal-review', 'job-application', 'promotion-case', 'public-profile'] as const
export type ReportTemplate = (typeof reportTemplates)[number]

export const reportFormats = ['markdown', 'html', 'json', 'csv'] as const
export type ReportFormat = (typeof reportFormats)[number]
/** What an export can be saved as: the core's formats, and PDF printed by a host from the HTML. */
export const reportExportFormats = [...reportFormats, 'pdf'] as const
export type ReportExportFormat = (typeof reportExportFormats)[number]

export const reportPageSizes = ['a4', 'letter'] as const
export type ReportPageSize = (typeof reportPageSizes)[number]

export interface ReportExclusions {
  /** Activities in repositories the user marked private are left out entirely. */
  privateRepositories: boolean
  /** Activity notes, roadmap item notes and goal descriptions. */
  notes: boolean
  /** The salary ranges of the career path's tracks. */
  salaryRanges: boolean
}

export interface ReportTemplateSpec {
  id: ReportTemplate
  label: string
  /** Who it is written for, shown beside the choice in the composer. */
  audience: string
  title: string
  /** `{period}` is replaced by the period's dates, e.g. "1 January 2026 to 30 June 2026". */
  intro: string
  /** Default sections, in the order they appear. */
  sections: readonly ReportSectionId[]
  /** What is left out unless the user says otherwise. */
  exclude: ReportExclusions
  /**
   * Written for a reader who weighs outcomes (a hiring manager, a promotion panel): streaks,
   * "work logged on N of M days" and months without work are left out, since they say nothing
   * about what was achieved and read against the author.
   */
  outcomesOnly: boolean
  /** How many starred activities the outcomes section picks, most recent first. */
  selectedLimit: number
  /**
   * A page for anyone to read, hosted anywhere: its exclusions cannot be turned off, only
   * `publicSections` may be chosen, and it does not even say how much private work it leaves out.
   */
  public: boolean
}

/** The sections a public page may hold: nothing from goals, the plan, or the export history. */
export const publicSections: readonly ReportSectionId[] = ['summary', 'outcomes', 'open-source', 'skills', 'strategy-work', 'heatmap']

export const reportTemplateSpecs: Record<ReportTemplate, ReportTemplateSpec> = {
  'personal-review': {
    id: 'personal-review',
    label: 'Personal review',
    audience: 'For yourself: everything, notes included.',
    title: 'Progress review',
    intro: 'A look back at {period}: what I learned, built and contributed, and where my plan stands.',
    sections: ['summary', 'comparison', 'roadmap', 'skills', 'goals', 'open-source', 'strategy-work', 'heatmap'],
    exclude: { privateRepositories: false, notes: false, salaryRanges: false },
    outcomesOnly: false,
    selectedLimit: 10,
    public: false,
  },
  'job-application': {
    id: 'job-application',
    label: 'Job application',
    audience: 'For a hiring manager: public work and skills, no notes, no salaries.',
    title: 'Professional development record',
    intro:
      'This record summarises my professional development from {period}: open-source contributions with links to the work, the skills I built and the certifications and community work behind them.',
    sections: ['summary', 'outcomes', 'open-source', 'skills', 'strategy-work'],
    exclude: { privateRepositories: true, notes: true, salaryRanges: true },
    outcomesOnly: true,
    selectedLimit: 6,
    public: false,
  },
  'promotion-case': {
    id: 'promotion-case',
    label: 'Promotion case',
    audience: 'For your manager: goals delivered and growth, no private notes or salaries.',
    title: 'Case for promotion',
    intro:
      'This document sets out my impact and growth from {period} in support of a promotion: the goals I delivered, the skills I developed and the contributions I made.',
    sections: ['summary', 'outcomes', 'goals', 'skills', 'open-source', 'strategy-work', 'roadmap', 'comparison'],
    exclude: { privateRepositories: false, notes: true, salaryRanges: true },
    outcomesOnly: true,
    selectedLimit: 10,
    public: false,
  },
  'public-profile': {
    id: 'public-profile',
    label: 'Public profile',
    audience: 'For anyone, as one page to host anywhere: public work only, no private repositories, notes or salaries.',
    title: 'Open-source and professional profile',
    intro: 'What I built, contributed and learned from {period}, with links to the work.',
    sections: ['summary', 'outcomes', 'open-source', 'skills', 'strategy-work'],
    exclude: { privateRepositories: true, notes: true, salaryRanges: true },
    outcomesOnly: true,
    selectedLimit: 8,
    public: true,
  },
}

/** Kinds of work that happen in a repository: the open-source section. */
export const openSourceKinds: readonly ActivityKind[] = ['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits']
/** Work in the community: the "talks and writing" figure. */
export const communityKinds: readonly ActivityKind[] = ['talk', 'meetup', 'forum-answer', 'blog-post']
/** Every other kind, in the order the report lists them. */
export const strategyWorkKinds: readonly ActivityKind[] = ['certification', 'talk', 'meetup', 'forum-answer', 'blog-post', 'portfolio-project', 'learning']

export interface ReportPeriod {
  preset: ReportPreset
  /** Short name: "2026", "Q4 2026", "November 2026", "Last 12 months". */
  label: string
  /** The dates in words: "1 January 2026 to 25 November 2026". */
  range: string
  /** First and last day, inclusive, in the user's calendar (YYYY-MM-DD). */
  from: string
  to: string
  /** IANA zone the days were taken in. */
  timeZone: string
  /** The instants the period covers, UTC ISO-8601, `end` exclusive. */
  startsAt: string
  endsAt: string
  days: number
}

export interface ReportAuthor {
  name: string | null
  title: string | null
}

/** Key figures: shown as tiles, stored with each export, compared with the last one. */
export interface ReportFigures {
  activities: number
  activeDays: number
  openSourceContributions: number
  mergedPullRequests: number
  repositories: number
  strategyWork: number
  hours: number
  goalsDone: number
  goalsInProgress: number
  goalsOverdue: number
  milestonesDone: number
  skillsImproved: number
  itemsCompleted: number
  /** 0-1 at the end of the period, null when nothing is measured. */
  roadmapProgress: number | null
  certifications: number
  /** Talks, meetups, forum answers and blog posts: work in the community. */
  communityWork: number
  /** Activities with an impact line. */
  withImpact: number
}
export type ReportFigureKey = keyof ReportFigures

export const reportFigureLabels: Record<ReportFigureKey, string> = {
  activities: 'Activities logged',
  activeDays: 'Active days',
  openSourceContributions: 'Open-source contributions',
  mergedPullRequests: 'Merged pull requests',
  repositories: 'Repositories',
  strategyWork: 'Beyond code',
  hours: 'Hours logged',
  goalsDone: 'Goals completed',
  goalsInProgress: 'Goals in progress',
  goalsOverdue: 'Goals overdue',
  milestonesDone: 'Milestones reached',
  skillsImproved: 'Skills levelled up',
  itemsCompleted: 'Roadmap items completed',
  roadmapProgress: 'Roadmap progress',
  certifications: 'Certifications',
  communityWork: 'Talks and writing',
  withImpact: 'Outcomes recorded',
}

export interface ReportKpi {
  key: ReportFigureKey
  label: string
  value: number | null
  /** As printed: "42", "67%", "–". */
  display: string
  /** A short line under the number: "in 9 repositories". */
  detail: string | null
}

export interface ReportActivity {
  id: number
  date: string
  kind: ActivityKind
  title: string
  url: string | null
  repo: string | null
  state: ActivityState | null
  hours: number | null
  /** Null when empty or when notes are left out. */
  notes: string | null
  /** Titles of the skills it exercised. */
  skills: string[]
  goalId: number | null
  /** Why it mattered, in one line; null when empty. */
  impact: string | null
  /** The person marked it as work to show first. */
  starred: boolean
}

export interface ReportProgressRow {
  id: string
  kind: ItemKind
  title: string
  /** At the start and at the end of the period, by the app's one progress rule. */
  start: Progress
  end: Progress
}

export interface ReportTrackRow extends ReportProgressRow {
  stageTitle: string | null
  chosen: boolean
  /** Null when the path has none or salary ranges are left out. */
  salary: SalaryRange | null
}

export interface ReportCompletedItem {
  id: string
  kind: ItemKind
  title: string
  /** The day it was marked done, in the user's calendar. */
  on: string
  /**
   * A skill marked done while its level is 0 or unset: the two facts disagree, so reports
   * flag it instead of printing it as done, and it does not count as completed.
   */
  unassessed: boolean
}

export interface ReportRoadmap {
  pathTitle: string
  rule: string
  overall: { start: Progress; end: Progress }
  stages: ReportProgressRow[]
  /** The chosen tracks, or every visible track when none is chosen. */
  tracks: ReportTrackRow[]
  strategyGroups: ReportProgressRow[]
  /** Skills and strategies marked done during the period, oldest first. */
  completed: ReportCompletedItem[]
}

export interface ReportSkill {
  id: string
  title: string
  /** The track or stage it belongs to. */
  parentTitle: string | null
  status: ItemStatus
  levelStart: number | null
  levelEnd: number | null
  /** levelEnd - levelStart, counting no level as 0; 0 when unchanged. */
  change: number
  /** Activities in the period tagged with this skill. */
  activities: number
  note: string | null
  /** Marked done at level 0 or with no level: flagged, not printed as done. */
  unassessed: boolean
}

export interface ReportSkills {
  /** Highest level first, then the biggest change, then path order. */
  rows: ReportSkill[]
  improved: number
}

export interface ReportMilestone {
  id: number
  title: string
  dueDate: string | null
  /** The day it was reached, in the user's calendar; null while open. */
  doneOn: string | null
  doneInPeriod: boolean
  overdue: boolean
}

export interface ReportGoal {
  id: number
  title: string
  /** Null when empty or when notes are left out. */
  description: string | null
  status: GoalStatus
  priority: GoalPriority
  startDate: string
  targetDate: string | null
  /** 0-1 by the app's goal rule. */
  progress: number
  /**
   * For a goal that counts activities: the count `progress` comes from, as of the period's
   * end. Every format prints it from here: "7 of 10 merged pull requests".
   */
  activityTally: ActivityTally | null
  /** For done goals: the day it was last changed (marked done), in the user's calendar. */
  completedOn: string | null
  milestones: ReportMilestone[]
}

export interface ReportGoals {
  /** The day "overdue" is judged on: the period's last day, or today if that is earlier. */
  asOf: string
  rule: string
  done: ReportGoal[]
  inProgress: ReportGoal[]
  overdue: ReportGoal[]
}

export interface ReportKindCount {
  kind: ActivityKind
  label: string
  count: number
}

export interface ReportRepository {
  repo: string
  contributions: number
  mergedPullRequests: number
  pullRequests: number
  lastDate: string
}

export interface ReportOpenSource {
  total: number
  mergedPullRequests: number
  byKind: ReportKindCount[]
  /** Most merged pull requests first. */
  repositories: ReportRepository[]
  /** Ids into the model's `activities`, newest first. */
  activityIds: number[]
}

export interface ReportStrategyGroup {
  kind: ActivityKind
  label: string
  count: number
  /** Ids into the model's `activities`, newest first. */
  activityIds: number[]
}

export interface ReportStrategyWork {
  total: number
  groups: ReportStrategyGroup[]
}

export interface ReportMonth {
  /** YYYY-MM */
  month: string
  openSource: number
  strategyWork: number
  total: number
}

export interface ReportHeatmap {
  /** The days drawn, one calendar row per year: the whole period, or its last ten calendar years when it is longer. */
  from: string
  to: string
  truncated: boolean
  /** Every day from `from` to `to`, zeros included, oldest first. */
  days: { date: string; count: number }[]
  max: number
  /** Over the whole period. */
  months: ReportMonth[]
  longestStreak: { length: number; from: string | null; to: string | null }
}

export interface ReportComparisonRow {
  key: ReportFigureKey
  label: string
  previous: number | null
  current: number | null
  /** current - previous; for roadmap progress, in percentage points. */
  change: number | null
}

export interface ReportComparison {
  /** Null when no report was exported before. */
  previous: ReportExportRef | null
  rows: ReportComparisonRow[]
}

export interface ReportExportRef {
  id: number
  exportedAt: string
  format: ReportExportFormat
  template: ReportTemplate
  title: string
  periodLabel: string
  from: string
  to: string
}

export interface ReportRedactions {
  exclude: ReportExclusions
  /** Activities left out because they are in a private repository. */
  privateActivities: number
  /** How many distinct private repositories they were in. */
  privateRepositories: number
}

/**
 * One weekly-review entry as a report quotes it. The entries come from the weekly review's own
 * core function (`listWeeklyReviews(ctx, fromIso, toIso)`), passed to the report service as
 * `ReportReviewSource`; without one, reports have none.
 */
export interface ReportReviewEntry {
  /** The Monday of the week reviewed, YYYY-MM-DD. */
  weekOf: string
  text: string
}

/** The seam the weekly review plugs into: the entries of a period's days, oldest first. */
export type ReportReviewSource = (fromIso: string, toIso: string) => readonly ReportReviewEntry[]

export interface ReportSkillGain {
  id: string
  title: string
  levelStart: number | null
  levelEnd: number
}

/** What a reader who weighs outcomes reads first. */
export interface ReportOutcomes {
  /**
   * Ids into `activities`, most recent first: the starred ones up to the template's limit; when
   * nothing is starred, merged pull requests and work with an impact line, by the same limit.
   */
  selected: number[]
  /** True when `selected` holds the person's own stars, false when picked by that rule. */
  fromStars: boolean
  /** Work with an impact line that `selected` does not already show, most recent first. */
  impact: number[]
  skillsGained: ReportSkillGain[]
  certifications: number[]
  talks: number[]
  /** Weekly-review entries of the period; empty unless a ReportReviewSource was given. */
  reviews: ReportReviewEntry[]
}

export interface ReportModel {
  schemaVersion: typeof reportSchemaVersion
  /** UTC ISO-8601. */
  generatedAt: string
  /** The day it was generated, in the user's calendar. */
  generatedOn: string
  template: ReportTemplate
  title: string
  intro: string
  author: ReportAuthor | null
  pageSize: ReportPageSize
  period: ReportPeriod
  /** The sections included, in order. A section's data is null when it is not included. */
  sections: ReportSectionId[]
  /** True when nothing was logged, completed or changed in the period. */
  empty: boolean
  /** The one-line message of an empty report, null otherwise. */
  emptyMessage: string | null
  redactions: ReportRedactions
  figures: ReportFigures
  kpis: ReportKpi[]
  /** Sentences for the summary, most telling first. */
  highlights: string[]
  roadmap: ReportRoadmap | null
  skills: ReportSkills | null
  goals: ReportGoals | null
  openSource: ReportOpenSource | null
  strategyWork: ReportStrategyWork | null
  heatmap: ReportHeatmap | null
  comparison: ReportComparison | null
  outcomes: ReportOutcomes | null
  /** Every activity of the period that the report may show (private ones left out), oldest first. */
  activities: ReportActivity[]
}

/** What the composer remembers of one template's last use, so the next visit starts there. */
export interface ReportComposerChoices {
  period: { preset: ReportPreset; from?: string; to?: string }
  sections: ReportSectionId[]
  exclude: ReportExclusions
  author: { name: string | null; title: string | null }
  pageSize: ReportPageSize
}

export interface ReportComposerMemory {
  /** The template chosen last; null before the composer was ever used. */
  lastTemplate: ReportTemplate | null
  byTemplate: Partial<Record<ReportTemplate, ReportComposerChoices>>
}

/** What the composer shows beside the preview. */
export interface ReportSummary {
  schemaVersion: typeof reportSchemaVersion
  title: string
  template: ReportTemplate
  period: ReportPeriod
  sections: ReportSectionId[]
  empty: boolean
  emptyMessage: string | null
  figures: ReportFigures
  kpis: ReportKpi[]
  redactions: ReportRedactions
}

export interface ReportPreview {
  html: string
  summary: ReportSummary
}

export interface RenderedReport {
  fileName: string
  mimeType: string
  content: string
  /** The row recorded in the export history when asked to record, else null. */
  exportId: number | null
}

/**
 * Options for printing the report's HTML to PDF, in the shape Electron's printToPDF takes
 * (margins in inches). The web host maps them to Playwright's page.pdf.
 */
export interface ReportPdfOptions {
  pageSize: 'A4' | 'Letter'
  landscape: false
  printBackground: true
  preferCSSPageSize: false
  displayHeaderFooter: true
  margins: { top: number; bottom: number; left: number; right: number }
  headerTemplate: string
  footerTemplate: string
  /** Tagged for screen readers, with the section headings as bookmarks. */
  generateTaggedPDF: true
  generateDocumentOutline: true
}

/** Everything a host needs to print a PDF and name the file. */
export interface PrintableReport {
  html: string
  fileName: string
  pdf: ReportPdfOptions
  summary: ReportSummary
}

export interface ReportExport extends ReportExportRef {
  fileName: string
  timeZone: string
  figures: ReportFigures
}

/** How an export reaches the person: a native save dialog (desktop), or the bytes for a browser download. */
export const reportDeliveries = ['save-dialog', 'download'] as const
export type ReportDelivery = (typeof reportDeliveries)[number]

export interface ExportedReport {
  fileName: string
  mimeType: string
  /** Where the desktop app saved it; null when delivered for download or cancelled. */
  savedTo: string | null
  /** The person closed the save dialog: nothing was written or recorded. */
  cancelled: boolean
  /** The file itself, for a browser download: text as is, a PDF in base64. */
  download: { encoding: 'utf8' | 'base64'; content: string } | null
  /** The export history row, for the "since the last report" comparison. */
  record: ReportExport | null
}
