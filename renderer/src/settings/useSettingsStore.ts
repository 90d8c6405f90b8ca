import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppError, Result } from '@shared/contract'
import type { BackupInfo, RestoreResult } from '@shared/domain/backups'
import type { ExportFile, ImportResult } from '@shared/domain/dataTransfer'
import type { HostInfo } from '@shared/domain/host'
import { api } from '../api/client'
import { fileForCall, type PickedFile } from '../api/importFile'

/** What is running now; one at a time, since each of them reads or replaces the whole store. */
export type DataTask = { kind: 'backup' } | { kind: 'restore'; name: string } | { kind: 'export' } | { kind: 'import' }

export const useSettingsStore = defineStore('settings', () => {
  const hostInfo = ref<HostInfo | null>(null)
  const backups = ref<BackupInfo[]>([])
  const loaded = ref(false)
  const loadError = ref<AppError | null>(null)
  const task = ref<DataTask | null>(null)
  const busy = computed(() => task.value !== null)

  async function loadBackups(): Promise<void> {
    const result = await api.backups.list({})
    if (result.ok) backups.value = result.value
    else loadError.value = result.error
  }

  async function load(): Promise<void> {
    const [info] = await Promise.all([api.host.info({}), loadBackups()])
    if (info.ok) hostInfo.value = info.value
    else loadError.value = info.error
    loaded.value = true
  }

  async function run<T>(next: DataTask, call: () => Promise<Result<T>>): Promise<Result<T>> {
    task.value = next
    try {
      return await call()
    } finally {
      task.value = null
    }
  }

  async function backUpNow(): Promise<Result<BackupInfo>> {
    const result = await run({ kind: 'backup' }, () => api.backups.create({}))
    if (result.ok) await loadBackups()
    return result
  }

  const restore = (backup: BackupInfo): Promise<Result<RestoreResult>> => run({ kind: 'restore', name: backup.name }, () => api.backups.restore({ name: backup.name }))
  const exportAll = (): Promise<Result<ExportFile>> => run({ kind: 'export' }, () => api.data.exportAll({}))
  /** The core reads the file from disk (sent there first from a browser): an export of any size imports. */
  const importAll = (picked: PickedFile): Promise<Result<ImportResult>> =>
    run({ kind: 'import' }, async () => {
      const sent = await fileForCall(picked)
      if (!sent.ok) return sent
      return api.data.importAll('file' in sent.value ? { file: sent.value.file } : { json: sent.value.text })
    })

  return { hostInfo, backups, loaded, loadError, task, busy, load, loadBackups, backUpNow, restore, exportAll, importAll }
})
