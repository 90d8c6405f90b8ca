import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { placeWindow, type Rect } from '../../electron/main/window/windowPlacement'
import { readWindowState, writeWindowState } from '../../electron/main/window/windowStateFile'
import { makeTempDir } from '../support/tempCore'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 }
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }
const small: Rect = { x: 0, y: 0, width: 1024, height: 700 }

describe('where the window opens', () => {
  it('opens at the usual size, centred, the first time', () => {
    expect(placeWindow(undefined, [laptop], laptop)).toEqual({ bounds: { x: 80, y: 10, width: 1280, height: 840 }, maximized: false })
  })

  it('opens where it was, on the display it was on', () => {
    const saved = { bounds: { x: 1700, y: 120, width: 1600, height: 1000 }, maximized: false }
    expect(placeWindow(saved, [laptop, monitorRight], laptop)).toEqual(saved)
  })

  it('comes back to the primary display when the one it was on is gone', () => {
    const saved = { bounds: { x: 1700, y: 120, width: 1600, height: 1000 }, maximized: true }
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ bounds: { x: 80, y: 10, width: 1280, height: 840 }, maximized: true })
  })

  it('is pulled fully onto its display when it hangs off an edge, and shrunk to fit a smaller one', () => {
    expect(placeWindow({ bounds: { x: 1200, y: -10, width: 1280, height: 840 }, maximized: false }, [laptop], laptop).bounds).toEqual({ x: 160, y: 0, width: 1280, height: 840 })
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 1600, height: 1000 }, maximized: false }, [small], small).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 })
  })

  it('does not trust a title bar that is only a sliver on screen', () => {
    const saved = { bounds: { x: 1400, y: 100, width: 1000, height: 700 }, maximized: false }
    // 40 px of the title bar on the laptop: too little to grab, so it is placed afresh.
    expect(placeWindow(saved, [laptop], laptop).bounds).toEqual({ x: 80, y: 10, width: 1280, height: 840 })
  })
})

describe('the saved window state', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips, and a damaged or hostile file counts as none', () => {
    dir = makeTempDir('pathfinder-window-')
    expect(readWindowState(dir)).toBeUndefined()
    const state = { bounds: { x: -1200, y: 40, width: 1100, height: 760 }, maximized: true }
    writeWindowState(dir, state)
    expect(readWindowState(dir)).toEqual(state)
    for (const bad of ['{', '{"bounds":{"x":"1e999"},"maximized":false}', JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false }), 'null']) {
      writeFileSync(join(dir, 'window-state.json'), bad)
      expect(readWindowState(dir), bad).toBeUndefined()
    }
    mkdirSync(join(dir, 'nested'))
    expect(readWindowState(join(dir, 'nested', 'missing'))).toBeUndefined()
  })
})
