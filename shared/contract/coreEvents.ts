/**
 * What main tells the window about the core's process, outside any call. The preload exposes
 * a subscription as window.pathfinderEvents; a browser, whose core is in the web host, has none.
 */
export const coreRestartedChannel = 'pathfinder-event:core-restarted'

export interface CoreRestarted {
  /** For the person, in words. */
  message: string
}

export interface DesktopEvents {
  /** Returns a function that unsubscribes. */
  onCoreRestarted(listener: (event: CoreRestarted) => void): () => void
}
