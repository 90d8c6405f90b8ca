import { z } from 'zod'
import { parseArgs } from 'node:util'

export interface WebHostArgs {
  port: number
  dataDir: string | undefined
  open: boolean
  /** Replace the data folder's token: every tab opened before is signed out. */
  newToken: boolean
  /** What to do if the store cannot be opened (asked once, on the command line). */
  recovery: 'restore' | 'start-fresh' | null
}

const portSchema = z.coerce.number().int().min(0, 'Port must be 0-65535').max(65535, 'Port must be 0-65535')

export const usage = `Usage: npm run web -- [--port N] [--data-dir DIR] [--open] [--new-token]
  --port N        port on 127.0.0.1 (default 0: any free port)
  --data-dir DIR  folder holding the database (default: the desktop app's data folder)
  --open          open the app in the default browser
  --new-token     replace the address's token (kept in the data folder), signing out every open tab
  --restore-newest-backup  if the database cannot be opened, restore the newest good backup
  --start-fresh            if the database cannot be opened, start empty (the bad file is kept)`

/** Parses the web host's flags; throws an Error whose message is meant for the terminal. */
export function parseWebHostArgs(argv: string[]): WebHostArgs {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, open: { type: 'boolean', default: false }, 'new-token': { type: 'boolean', default: false }, 'restore-newest-backup': { type: 'boolean', default: false }, 'start-fresh': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  })
  if (values.help) throw new Error(usage)
  const port = portSchema.safeParse(values.port ?? 0)
  if (!port.success) throw new Error(`${port.error.issues[0]?.message ?? 'Invalid port'}\n${usage}`)
  if (values['restore-newest-backup'] && values['start-fresh']) throw new Error(`Choose one of --restore-newest-backup and --start-fresh.\n${usage}`)
  const recovery = values['restore-newest-backup'] ? 'restore' : values['start-fresh'] ? 'start-fresh' : null
  return { port: port.data, dataDir: values['data-dir'], open: values.open, newToken: values['new-token'], recovery }
}
