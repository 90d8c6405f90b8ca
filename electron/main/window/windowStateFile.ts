import { join } from 'node:path'
import { readJsonFile, writeJsonFile } from '../jsonFile'
import { savedWindowState, type SavedWindowState } from './windowPlacement'

const fileOf = (dir: string) => join(dir, 'window-state.json')

/** The window's last size and place, or undefined when there is none or it cannot be read. */
export const readWindowState = (dir: string): SavedWindowState | undefined => readJsonFile(fileOf(dir), savedWindowState)

export const writeWindowState = (dir: string, state: SavedWindowState): void => writeJsonFile(fileOf(dir), state)
