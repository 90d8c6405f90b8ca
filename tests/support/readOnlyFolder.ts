import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Makes a real folder refuse new, renamed and deleted entries, and returns the undo. chmod
 * does not stop root (CI runs as root), so there the folder is marked immutable (chattr +i),
 * which stops root as well; that needs CAP_LINUX_IMMUTABLE and a file system that has it.
 */
export function makeReadOnly(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', dir])
    return () => execFileSync('chattr', ['-i', dir])
  }
  chmodSync(dir, 0o555)
  return () => chmodSync(dir, 0o755)
}

/** Whether makeReadOnly works here, found by trying it on a scratch folder. */
export function readOnlyFoldersWork(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pathfinder-ro-probe-'))
  try {
    const undo = makeReadOnly(dir)
    try {
      writeFileSync(join(dir, 'probe'), '')
      return false
    } catch {
      return true
    } finally {
      undo()
    }
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
