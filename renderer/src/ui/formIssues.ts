import type { FieldIssue } from '@shared/contract'

/**
 * Issues (from the core or a zod parse) as one message a key, the first one winning: the key
 * is the issue's path ("milestones.0.title") unless `keyOf` shortens it.
 */
export function issuesByPath(
  issues: readonly FieldIssue[] | readonly { path: PropertyKey[]; message: string }[],
  keyOf: (path: string) => string = (path) => path,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.')
    out[keyOf(path)] ??= issue.message
  }
  return out
}
