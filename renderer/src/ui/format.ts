import type { SalaryRange } from '@shared/domain/careerPath'
import { skillLevelLabels, skillLevels } from '@shared/domain/roadmap'

export function formatSalary(salary: SalaryRange): string {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: salary.currency, maximumFractionDigits: 0 })
  return `${money.format(salary.min)} – ${money.format(salary.max)} a ${salary.period}`
}

export function formatDuration(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`
  return months === 1 ? '1 month' : `${months} months`
}

/** "Level 3 · Competent", or "Not rated". */
export function formatLevel(level: number | null): string {
  const known = skillLevels.find((l) => l === level)
  return known === undefined ? 'Not rated' : `Level ${known} · ${skillLevelLabels[known]}`
}
