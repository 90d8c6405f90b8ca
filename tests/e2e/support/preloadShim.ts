/**
 * The preload as Electron runs it, in the page: the real built preload (out/preload/index.cjs)
 * given a `require('electron')` whose contextBridge sets window.<key> and whose ipcRenderer
 * forwards to the test's harness through a Playwright binding. Only Electron is stood in.
 */
export const invokeBinding = '__pathfinderIpcInvoke'
export const deliverFunction = '__pathfinderIpcDeliver'

export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const listeners = new Map()
  const electron = {
    ipcRenderer: {
      invoke: (channel, ...args) => window[${JSON.stringify(invokeBinding)}](channel, ...args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel).add(listener)
        return electron.ipcRenderer
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener)
        return electron.ipcRenderer
      },
      // One-way messages to main (the window's theme): the harness has no window to paint, so
      // they go where Electron sends a message no one listens for.
      send() {},
    },
    // Pages served over http hold no file on disk: a dropped file goes through its text.
    webUtils: { getPathForFile: () => '' },
    contextBridge: {
      exposeInMainWorld(key, value) {
        Object.defineProperty(window, key, { value: Object.freeze(value), enumerable: true })
      },
    },
  }
  Object.defineProperty(window, ${JSON.stringify(deliverFunction)}, {
    value: (channel, payload) => listeners.get(channel)?.forEach((listener) => listener({}, payload)),
  })
  const require = (name) => {
    if (name === 'electron') return electron
    throw new Error('A sandboxed preload can require only electron, not ' + name)
  }
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports)
})()`
}
