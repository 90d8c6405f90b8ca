import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DomainError } from '../../ipc/domainError'
import { throwIfCancelled } from '../importRun'

/** Folders never worth walking into: dependencies, build output, git's own data. */
const skipped = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', 'build', '.venv', '__pycache__'])

export interface FindOptions {
  /** How many folders deep below the chosen one to look. */
  maxDepth?: number
  /** Stop walking after this many folders: a whole disk is not a projects folder. */
  maxFolders?: number
  signal?: AbortSignal | undefined
}

/**
 * Every git repository at or under `root`, sorted. A folder with a `.git` entry (a folder, or
 * a file for worktrees and submodules) is a repository; its subfolders are still walked, so a
 * repository inside another is found too. Symbolic links are not followed (no loops, no
 * wandering out of the chosen folder); hidden folders and unreadable ones are passed over.
 */
export async function findRepositories(root: string, options: FindOptions = {}): Promise<string[]> {
  const maxDepth = options.maxDepth ?? 4
  const maxFolders = options.maxFolders ?? 20_000
  const start = resolve(root)
  try {
    if (!(await stat(start)).isDirectory()) throw new DomainError('invalid-input', `${start} is a file, not a folder.`)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError('not-found', `The folder ${start} does not exist or cannot be read.`)
  }
  const found: string[] = []
  let visited = 0
  const queue: { dir: string; depth: number }[] = [{ dir: start, depth: 0 }]
  while (queue.length > 0) {
    throwIfCancelled(options.signal)
    const next = queue.shift()
    if (!next) break
    if (++visited > maxFolders) break
    let entries
    try {
      entries = await readdir(next.dir, { withFileTypes: true })
    } catch {
      if (next.depth === 0) throw new DomainError('not-found', `The folder ${start} cannot be read.`)
      continue
    }
    if (entries.some((e) => e.name === '.git' && (e.isDirectory() || e.isFile()))) found.push(next.dir)
    if (next.depth >= maxDepth) continue
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.isSymbolicLink() && !entry.name.startsWith('.') && !skipped.has(entry.name)) {
        queue.push({ dir: join(next.dir, entry.name), depth: next.depth + 1 })
      }
    }
  }
  return found.sort()
}
