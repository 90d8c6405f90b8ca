/**
 * What main tells the window about the core's process, outside any call (the preload's
 * window.desktop.onCoreRestarted); a browser, whose core is in the web host, has none.
 */
export const coreRestartedChannel = 'pathfinder-event:core-restarted'

export interface CoreRestarted {
  /** For the person, in words. */
  message: string
}
