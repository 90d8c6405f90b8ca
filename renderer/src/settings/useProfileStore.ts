import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { Profile } from '@shared/domain/profile'
import { api } from '../api/client'

/** What the profile form edits: the person, and the identity the importers look for. */
export interface ProfileDraft {
  name: string
  jobTitle: string
  /** Commit emails as typed: separated by commas, spaces or lines. */
  gitEmails: string
  githubUsername: string
}

export type ProfileSaveOutcome = { ok: true } | { ok: false; error: AppError }

const splitEmails = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean)

/**
 * Name and title (stored with the profile) and commit emails and GitHub username (stored, as
 * before, with the import settings the importers read): one form, two channels.
 */
export const useProfileStore = defineStore('profile', () => {
  const profile = ref<Profile | null>(null)
  const draft = ref<ProfileDraft>({ name: '', jobTitle: '', gitEmails: '', githubUsername: '' })
  const loadError = ref<AppError | null>(null)

  async function load() {
    const [person, identity] = await Promise.all([api.profile.get(undefined), api.imports.settings(undefined)])
    if (!person.ok || !identity.ok) {
      loadError.value = person.ok ? (identity.ok ? null : identity.error) : person.error
      return
    }
    loadError.value = null
    profile.value = person.value
    draft.value = {
      name: person.value.name ?? '',
      jobTitle: person.value.jobTitle ?? '',
      gitEmails: identity.value.gitEmails.join(', '),
      githubUsername: identity.value.githubUsername ?? '',
    }
  }

  async function save(input: ProfileDraft): Promise<ProfileSaveOutcome> {
    // The identity first: its rules are the stricter, and a refused email leaves the name unsaved too.
    const identity = await api.imports.setSettings({ gitEmails: splitEmails(input.gitEmails), githubUsername: input.githubUsername.trim() || null })
    if (!identity.ok) return identity
    const person = await api.profile.save({ name: input.name, jobTitle: input.jobTitle })
    if (!person.ok) return person
    profile.value = person.value
    return { ok: true }
  }

  async function finishOnboarding() {
    const done = await api.profile.finishOnboarding(undefined)
    if (done.ok) profile.value = done.value
  }

  return { profile, draft, loadError, load, save, finishOnboarding }
})
