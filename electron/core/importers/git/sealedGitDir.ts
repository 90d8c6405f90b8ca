import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { DomainError } from '../../ipc/domainError'

/**
 * A stand-in git directory for reading one repository without its config. git reads a
 * repository's own config on every command, and that config can name programs (signature
 * verifiers, a fetch transport for a partial clone's missing objects, an fsmonitor, diff
 * drivers...) and pull more keys in through include.path. No list of `-c` overrides can cover
 * keys with free-form names, so git is instead pointed at a folder of ours: our own minimal
 * config, a copy of the refs, and the repository's objects read in place.
 */
export interface SealedGitDir {
  /** GIT_DIR for git: ours, with no config the repository wrote. */
  gitDir: string
  /** GIT_OBJECT_DIRECTORY for git: the repository's own objects, only ever read. */
  objectsDir: string
  /** The repository's config file, to be read as data (never as git's config), or null. */
  configFile: string | null
  remove(): Promise<void>
}

/** The few config values the sealed directory needs from the repository to read its objects. */
export interface RepositoryFormat {
  objectFormat: string | null
  refStorage: string | null
}

/** HEAD, commondir, shallow and `.git` files are a line or a few; anything bigger is not one. */
const smallFileLimit = 64 * 1024
/** A refs tree is never this deep; the limit stops a crafted one from walking forever. */
const maxRefDepth = 32

const unreadable = (folder: string, reason: string): DomainError =>
  new DomainError('unavailable', `Could not read the repository ${basename(folder)} (${folder}): ${reason}. Nothing was imported.`)

/**
 * A regular file's text, or null for anything else. A named pipe or a device would block or
 * never end, so only a regular file is ever opened.
 */
async function readSmallFile(path: string): Promise<string | null> {
  try {
    const info = await lstat(path)
    if (!info.isFile() || info.size > smallFileLimit) return null
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory()
  } catch {
    return false
  }
}

/**
 * The repository's git directory and its common directory (they differ for a linked
 * worktree). A `.git` file may point anywhere; it is followed only to a folder that holds what
 * a git directory holds, and only the objects and refs there are ever read.
 */
async function locate(folder: string): Promise<{ gitDir: string; commonDir: string }> {
  const dotGit = join(folder, '.git')
  let gitDir = dotGit
  if (!(await isDirectory(dotGit))) {
    const pointer = (await readSmallFile(dotGit))?.match(/^gitdir: (.+?)\r?\n?$/)?.[1]
    if (!pointer) throw unreadable(folder, 'its .git entry is neither a folder nor a "gitdir:" file')
    gitDir = isAbsolute(pointer) ? pointer : resolve(folder, pointer)
  }
  const common = (await readSmallFile(join(gitDir, 'commondir')))?.trim()
  const commonDir = common ? (isAbsolute(common) ? common : resolve(gitDir, common)) : gitDir
  if (!(await isDirectory(join(commonDir, 'objects')))) throw unreadable(folder, `${gitDir} is not a git directory (it has no objects folder)`)
  return { gitDir, commonDir }
}

/** Copies the refs tree, regular files only: a link or a pipe among refs is not a ref. */
async function copyRefs(from: string, to: string, depth = 0): Promise<void> {
  if (depth > maxRefDepth) return
  let entries
  try {
    entries = await readdir(from, { withFileTypes: true })
  } catch {
    return
  }
  await mkdir(to, { recursive: true })
  for (const entry of entries) {
    if (entry.isDirectory()) await copyRefs(join(from, entry.name), join(to, entry.name), depth + 1)
    else if (entry.isFile()) await copyFile(join(from, entry.name), join(to, entry.name))
  }
}

async function copyIfFile(from: string, to: string): Promise<void> {
  const info = await lstat(from).catch(() => null)
  if (info?.isFile()) await copyFile(from, to)
}

/**
 * Builds the stand-in for the repository in `folder`. `readFormat` reads the repository's
 * config as a plain file (see readRepository) for the object format, which git needs to know.
 */
export async function sealGitDir(
  folder: string,
  readFormat: (configFile: string, sealedGitDir: string) => Promise<RepositoryFormat>,
): Promise<SealedGitDir> {
  const { gitDir, commonDir } = await locate(folder)
  const head = (await readSmallFile(join(gitDir, 'HEAD')))?.trim() ?? ''
  if (!/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})$/.test(head)) throw unreadable(folder, 'its HEAD file is missing or damaged')
  const configPath = join(commonDir, 'config')
  // Read by git as a plain file, so any size will do; only a pipe or a device is passed over.
  const configFile = (await lstat(configPath).catch(() => null))?.isFile() ? configPath : null

  const sealed = await mkdtemp(join(tmpdir(), 'pathfinder-gitdir-'))
  const remove = () => rm(sealed, { recursive: true, force: true })
  try {
    await writeFile(join(sealed, 'HEAD'), `${head}\n`)
    await mkdir(join(sealed, 'objects'))
    await mkdir(join(sealed, 'refs'))
    const plainConfig = '[core]\n\trepositoryformatversion = 0\n\tbare = true\n'
    await writeFile(join(sealed, 'config'), plainConfig)
    const format = configFile ? await readFormat(configFile, sealed) : { objectFormat: null, refStorage: null }
    if (format.refStorage && format.refStorage !== 'files') {
      throw unreadable(folder, `it keeps its branches in the "${format.refStorage}" format, which this import cannot read yet`)
    }
    if (format.objectFormat && /^[a-z0-9]+$/.test(format.objectFormat)) {
      await writeFile(join(sealed, 'config'), `[core]\n\trepositoryformatversion = 1\n\tbare = true\n[extensions]\n\tobjectformat = ${format.objectFormat}\n`)
    }
    await copyRefs(join(commonDir, 'refs'), join(sealed, 'refs'))
    await copyIfFile(join(commonDir, 'packed-refs'), join(sealed, 'packed-refs'))
    // A shallow clone's history stops where this file says; without it git looks for parents that were never fetched.
    await copyIfFile(join(commonDir, 'shallow'), join(sealed, 'shallow'))
  } catch (error) {
    await remove()
    throw error
  }
  return { gitDir: sealed, objectsDir: join(commonDir, 'objects'), configFile, remove }
}
