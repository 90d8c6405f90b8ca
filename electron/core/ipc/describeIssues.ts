import type { z } from 'zod'
import type { FieldIssue } from '@shared/contract'

const fieldLabel = (path: PropertyKey[]): string =>
  path
    .map((part) => String(part))
    .join('.')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    // People say link, not URL.
    .replace(/\burl\b/g, 'link')

/** Turns zod's issues into sentences for people: "Title: A title is required". */
export function describeIssues(error: z.ZodError): { message: string; issues: FieldIssue[] } {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
  const sentences = error.issues.map((issue) => {
    const label = fieldLabel(issue.path)
    // A message that already names its field ("Status must be...") needs no prefix; in a nested
    // object (no list index on the way) naming the last part is enough ("The target count...").
    const nested = issue.path.length > 1 && issue.path.every((part) => typeof part === 'string')
    const last = nested ? fieldLabel(issue.path.slice(-1)) : ''
    const message = issue.message.toLowerCase()
    if (!label || message.includes(label) || (last !== '' && message.includes(last))) return issue.message
    return `${label[0]?.toUpperCase()}${label.slice(1)}: ${issue.message}`
  })
  const unique = [...new Set(sentences)]
  const message =
    unique.length === 1 ? `${unique[0]}.` : `${unique.length} things need fixing: ${unique.slice(0, 5).join('; ')}.`
  return { message: message.replace(/\.\.$/, '.'), issues }
}
