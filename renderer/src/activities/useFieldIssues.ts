import { ref } from 'vue'
import type { FieldIssue } from '@shared/contract'

type Parsed = { success: true } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } }

/** An import form's problems, one a field, for each field to show beneath itself. */
export function useFieldIssues() {
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

  return { issues, passes, refusedBySource }
}
