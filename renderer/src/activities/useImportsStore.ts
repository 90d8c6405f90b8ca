import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppError, Result } from '@shared/contract'
import type { ImportProgress, ImportSettings, ImportSummary } from '@shared/domain/activities'
import type { HostInfo } from '@shared/domain/host'
import type { Forge } from '@shared/domain/forges'
import { api } from '../api/client'
import { useActivitiesStore } from './useActivitiesStore'

export type ImportSource = 'git' | 'github' | 'csv' | Forge | 'stackexchange' | 'feed' | 'badge' | 'calendar'

/** How often a running import is asked how far it got. */
export const pollMs = 250

/** 1 to 64 of [A-Za-z0-9_-], as the contract wants; random so two windows never share one. */
export function newImportId(source: ImportSource): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return `${source}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; source: ImportSource; importId: string; progress: ImportProgress | null; cancelling: boolean }
  | { phase: 'done'; source: ImportSource; summary: ImportSummary }
  | { phase: 'failed'; source: ImportSource; error: AppError }

/**
 * Imports: the saved emails and username, what the host can do (folder picker, where a
 * token is kept), and the one import that may run at a time, with its progress polled by
 * the id this side chose.
 */
export const useImportsStore = defineStore('imports', () => {
  const settings = ref<ImportSettings | null>(null)
  const host = ref<HostInfo | null>(null)
  const run = ref<RunState>({ phase: 'idle' })
  const running = computed(() => run.value.phase === 'running')

  async function load() {
    const [s, h] = await Promise.all([api.imports.settings({}), api.host.info({})])
    if (s.ok) settings.value = s.value
    if (h.ok) host.value = h.value
  }

  async function saveSettings(changes: Parameters<typeof api.imports.setSettings>[0]): Promise<Result<ImportSettings>> {
    const result = await api.imports.setSettings(changes)
    if (result.ok) settings.value = result.value
    return result
  }

  async function pickFolder(): Promise<Result<{ path: string | null }>> {
    return api.host.pickFolder({})
  }

  /**
   * Starts `call` under a fresh import id and polls its progress until it settles. Any
   * outcome (added, refused, cancelled) ends in `run`; the log refreshes when something changed.
   */
  async function start(source: ImportSource, call: (importId: string) => Promise<Result<ImportSummary>>): Promise<RunState> {
    if (running.value) return run.value
    const importId = newImportId(source)
    run.value = { phase: 'running', source, importId, progress: null, cancelling: false }
    const poll = setInterval(() => {
      void api.imports.progress({ importId }).then((answer) => {
        const current = run.value
        if (answer.ok && answer.value && current.phase === 'running' && current.importId === importId && !answer.value.finished) {
          run.value = { ...current, progress: answer.value }
        }
      })
    }, pollMs)
    let result: Result<ImportSummary>
    try {
      result = await call(importId)
    } finally {
      clearInterval(poll)
    }
    run.value = result.ok ? { phase: 'done', source, summary: result.value } : { phase: 'failed', source, error: result.error }
    if (result.ok && (result.value.added > 0 || result.value.updated > 0)) useActivitiesStore().refresh()
    return run.value
  }

  async function cancel() {
    const current = run.value
    if (current.phase !== 'running' || current.cancelling) return
    run.value = { ...current, cancelling: true }
    await api.imports.cancel({ importId: current.importId })
  }

  function reset() {
    if (!running.value) run.value = { phase: 'idle' }
  }

  return { settings, host, run, running, load, saveSettings, pickFolder, start, cancel, reset }
})
