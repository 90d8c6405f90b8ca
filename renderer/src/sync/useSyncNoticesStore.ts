import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Result } from '@shared/contract'
import type { ItemSyncNotice, SyncSubject } from '@shared/domain/sync'
import { api } from '../api/client'
import { useNoticeStore } from '../ui/useNoticeStore'
import { useRemoteChangesStore } from './useRemoteChangesStore'

/**
 * The open conflicts and "kept the edit" notices, for the views to mark their items. Read
 * once for every view (a handful of rows, none at all while sync is off), again on the shell's
 * poll while sync is on (pollRemoteChanges, whose count of remote changes each read hands on),
 * and after each settle: a virtualised list marks its rows from `activityMarks`, never asking
 * per row.
 */
export const useSyncNoticesStore = defineStore('syncNotices', () => {
  const messages = useNoticeStore()
  const remote = useRemoteChangesStore()
  const notices = ref<ItemSyncNotice[]>([])
  const enabled = ref(false)
  const loaded = ref(false)
  const busy = ref(new Set<number>())
  let followers = 0
  let loading: Promise<void> | undefined
  /** The list as last read, to leave the badges be when a poll finds the same. */
  let lastRead = ''

  async function load(): Promise<void> {
    loading ??= (async () => {
      const result = await api.sync.notices({})
      if (result.ok) {
        const read = JSON.stringify(result.value.notices)
        if (read !== lastRead) notices.value = result.value.notices
        lastRead = read
        enabled.value = result.value.enabled
        loaded.value = true
        void remote.seen(result.value.remoteChanges)
      }
    })().finally(() => {
      loading = undefined
    })
    return loading
  }

  /** A view that shows notices reads them when the first such view opens; the shell's poll keeps them fresh. */
  function follow(): () => void {
    followers += 1
    if (followers === 1) void load()
    let left = false
    return () => {
      if (left) return
      left = true
      followers -= 1
    }
  }

  // Keyed once per read: a thousand goal cards each look theirs up instead of scanning every notice.
  const subjectKey = (subject: SyncSubject): string => `${subject.kind}:${subject.id}`
  const bySubject = computed(() => {
    const map = new Map<string, ItemSyncNotice[]>()
    for (const n of notices.value) {
      const key = subjectKey(n.subject)
      map.set(key, [...(map.get(key) ?? []), n])
    }
    return map
  })
  const none: readonly ItemSyncNotice[] = []
  const about = (subject: SyncSubject): readonly ItemSyncNotice[] => bySubject.value.get(subjectKey(subject)) ?? none
  /** Every activity with a notice, and which kind: a Map the list's rows look up, whatever their number. */
  const activityMarks = computed(() => {
    const marks = new Map<number, ItemSyncNotice['kind']>()
    for (const n of notices.value) if (n.subject.kind === 'activity' && marks.get(n.subject.id) !== 'conflict') marks.set(n.subject.id, n.kind)
    return marks
  })

  function mark(id: number, on: boolean) {
    const next = new Set(busy.value)
    if (on) next.add(id)
    else next.delete(id)
    busy.value = next
  }

  async function settle(notice: ItemSyncNotice, call: Promise<Result<unknown>>, done: string): Promise<boolean> {
    mark(notice.id, true)
    const result = await call
    mark(notice.id, false)
    if (!result.ok) {
      messages.error(result.error)
      // Settled elsewhere meanwhile, most likely: show what is true now.
      await load()
      return false
    }
    notices.value = notices.value.filter((n) => n.id !== notice.id)
    lastRead = ''
    messages.success(done)
    void load()
    return true
  }

  /** The other machine's value, written here like any edit: every machine ends with it. */
  const useOther = (notice: ItemSyncNotice) => settle(notice, api.sync.useOther({ id: notice.id }), 'Took the other machine’s value.')
  /** Keeps the value both machines show, settled in the documents: the other machine's notice goes when it syncs. A "kept the edit" notice just goes here. */
  const keep = (notice: ItemSyncNotice) =>
    settle(notice, api.sync.dismiss({ id: notice.id }), notice.kind === 'conflict' ? 'Kept this machine’s value.' : 'Dismissed.')

  return { notices, enabled, loaded, busy, load, follow, about, activityMarks, useOther, keep }
})
