import { ref, useId } from 'vue'
import type { FieldIssue } from '@shared/contract'

type Parsed = { success: true } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } }

/** An import form's problems, one a field, each shown beside its field and named by it. */
export function useFieldIssues() {
  const errorId = useId()
  const issues = ref<Record<string, string>>({})

  /** True when the input passed; otherwise each field's first problem is shown and the form stays. */
  function passes(parsed: Parsed): boolean {
    if (parsed.success) {
      issues.value = {}
      return true
    }
    const found: Record<string, string> = {}
    for (const issue of parsed.error.issues) found[String(issue.path[0] ?? '')] ??= issue.message
    issues.value = found
    return false
  }

  /** The source's refusal of a token, username or workspace belongs beside that field, too. */
  function refusedBySource(refusals: readonly FieldIssue[] | undefined): void {
    for (const issue of refusals ?? []) issues.value = { ...issues.value, [issue.path]: issues.value[issue.path] ?? issue.message }
  }

  const errorIdOf = (field: string) => `${errorId}-${field}`
  const describe = (field: string, ...more: string[]) => [issues.value[field] ? errorIdOf(field) : '', ...more].filter(Boolean).join(' ') || undefined
  return { issues, passes, refusedBySource, errorIdOf, describe }
}
