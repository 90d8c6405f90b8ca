import { nextTick, ref, watch } from 'vue'
import type { AppError, FieldIssue } from '@shared/contract'

type Outcome = { ok: true } | { ok: false; error: AppError }
type Refusal = { ok: false; error: AppError }
const succeeded = <O extends Outcome>(outcome: O): outcome is Extract<O, { ok: true }> => outcome.ok
const refused = (outcome: Outcome): outcome is Refusal => !outcome.ok

/**
 * How the app's forms submit: judged here first with the contract's schema, then by the
 * core; either refusal is said in words, beside its field, with focus on the first field to
 * fix. After the first try, messages follow the typing instead of lingering.
 */
export function useFormSubmission(options: {
  /** The form element's selector, to find its first invalid field. */
  form: string
  /** The reactive draft the form edits. */
  draft: object
  /** Checks the draft and shows its issues; true when it can be sent. */
  validate: () => boolean
  /** Shows the issues the core named. */
  showIssues: (issues: readonly FieldIssue[]) => void
}) {
  const submitted = ref(false)
  const formError = ref('')
  const busy = ref(false)

  watch(options.draft, () => {
    if (submitted.value) options.validate()
  })

  async function focusFirstError() {
    await nextTick()
    document.querySelector<HTMLElement>(`${options.form} [aria-invalid="true"]`)?.focus()
  }

  /** Sends the draft with `save` when it is valid; answers the saved outcome, or null. */
  async function submit<O extends Outcome>(save: () => Promise<O>): Promise<Extract<O, { ok: true }> | null> {
    submitted.value = true
    formError.value = ''
    if (!options.validate()) {
      formError.value = 'Some fields need a second look.'
      await focusFirstError()
      return null
    }
    busy.value = true
    const outcome = await save()
    busy.value = false
    if (succeeded(outcome)) return outcome
    if (refused(outcome)) {
      options.showIssues(outcome.error.issues ?? [])
      formError.value = outcome.error.message
    }
    await focusFirstError()
    return null
  }

  /** A fresh start when the form opens again. */
  function reset() {
    submitted.value = false
    formError.value = ''
  }

  return { submitted, formError, busy, submit, reset }
}
