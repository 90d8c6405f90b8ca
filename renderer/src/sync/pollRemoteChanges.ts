import { onScopeDispose } from 'vue'
import { useSyncNoticesStore } from './useSyncNoticesStore'

/**
 * How often an open window asks whether another machine's rows arrived. A pass applies them a
 * second or two after the other machine wrote; the read costs the core well under a millisecond.
 */
export const remoteChangesPollMs = 5_000

/**
 * For the app's shell, once: reads `sync.notices` (the notices and the core's count of remote
 * changes, see useRemoteChangesStore) every few seconds while sync is on and the window is seen,
 * and again whenever the window comes back. Called in setup, before the views below load: the
 * first count read is where changes are counted from.
 */
export function pollRemoteChanges(): void {
  const notices = useSyncNoticesStore()
  const read = () => void notices.load()
  const visible = () => document.visibilityState === 'visible'
  read()
  const timer = setInterval(() => {
    if (notices.enabled && visible()) read()
  }, remoteChangesPollMs)
  // Also while sync is off: it may have been turned on from another window of the same store.
  const onVisibility = () => {
    if (visible()) read()
  }
  document.addEventListener('visibilitychange', onVisibility)
  onScopeDispose(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })
}
