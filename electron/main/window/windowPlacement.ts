import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const minimumSize = { width: 880, height: 600 } as const
const preferredSize = { width: 1280, height: 840 } as const

const finite = z.number().finite()
export const savedWindowState = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
})
export type SavedWindowState = z.infer<typeof savedWindowState>

/** How much of the title bar must land on a display for the window to count as reachable there. */
const grip = { width: 120, height: 20 }

const overlap = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

/** Fits a rectangle inside an area: no larger than it, and moved in where it sticks out. */
function fitInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, Math.min(minimumSize.width, area.width)), area.width)
  const height = Math.min(Math.max(bounds.height, Math.min(minimumSize.height, area.height)), area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }
}

const centred = (area: Rect): Rect => {
  const width = Math.min(preferredSize.width, area.width)
  const height = Math.min(preferredSize.height, area.height)
  return fitInto({ x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }, area)
}

/**
 * Where the window opens: where it was, on the display it was on, if that display still exists
 * and the window's title bar would be on it; otherwise the usual size, centred on the primary
 * display. Displays come and go (a laptop leaves its monitor at work), so a saved position is
 * never trusted to be on screen.
 */
export function placeWindow(saved: SavedWindowState | undefined, workAreas: readonly Rect[], primary: Rect): { bounds: Rect; maximized: boolean } {
  if (saved) {
    const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: 40 }
    const home = workAreas
      .map((area) => ({ area, shared: overlap(titleBar, area) }))
      .filter(({ shared }) => shared.width >= Math.min(grip.width, titleBar.width) && shared.height >= Math.min(grip.height, titleBar.height))
      .sort((a, b) => b.shared.width * b.shared.height - a.shared.width * a.shared.height)[0]
    if (home) return { bounds: fitInto(saved.bounds, home.area), maximized: saved.maximized }
  }
  return { bounds: centred(primary), maximized: saved?.maximized ?? false }
}
