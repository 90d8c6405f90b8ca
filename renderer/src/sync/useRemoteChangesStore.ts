import { defineStore } from 'pinia'
import { onScopeDispose } from 'vue'

type Refresh = () => unknown

/**
 * What another machine changed, reaching the open views. The core counts the times it applied
 * rows from another machine (`remoteChanges` in `sync.notices`' answer); each read of it is
 * handed to `seen`, and when the count moves every store that registered a refresh reads
 * again what it has loaded, quietly (its own load, with no spinner and no reset). A store
 * registers once, when it is first used; each refresh decides for itself whether it has loaded
 * anything worth reading again.
 */
export const useRemoteChangesStore = defineStore('remoteChanges', () => {
  const refreshes = new Set<Refresh>()
  /** The count last read; undefined until the first read, which only sets where to start. */
  let known: number | undefined

  /** Adds a refresh; the returned function removes it (a view's own, on unmount). */
  function onRemoteChange(refresh: Refresh): () => void {
    refreshes.add(refresh)
    return () => refreshes.delete(refresh)
  }

  /** A read of the core's count: a move (either way: the core may have started again) refreshes every view. */
  async function seen(count: number): Promise<void> {
    const before = known
    known = count
    if (before === undefined || before === count) return
    // One refresh that fails (a view that went away, a call refused) must not keep the others from theirs.
    await Promise.allSettled([...refreshes].map(async (refresh) => refresh()))
  }

  return { onRemoteChange, seen }
})

/** For a view's own loads (not kept in a store): refreshed while the view is open. */
export function refreshOnRemoteChange(refresh: Refresh): void {
  const leave = useRemoteChangesStore().onRemoteChange(refresh)
  onScopeDispose(leave)
}
