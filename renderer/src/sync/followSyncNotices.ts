import { onMounted, onUnmounted } from 'vue'
import { useSyncNoticesStore } from './useSyncNoticesStore'

/** For a view that marks its items: notices are read while it is open, and refreshed while sync is on. */
export function followSyncNotices() {
  const store = useSyncNoticesStore()
  let leave: (() => void) | undefined
  onMounted(() => (leave = store.follow()))
  onUnmounted(() => leave?.())
  return store
}
