import { readFileSync } from 'node:fs'

/**
 * What tells one process apart from a later one that got the same pid. A pid is reused once
 * its process is gone (after a crash, often within hours, and always across a reboot), so a
 * lock naming a live pid proves nothing by itself. On Linux the kernel gives each boot an id
 * and each process its start time in clock ticks since boot (/proc/<pid>/stat, field 22);
 * elsewhere both are null and a live pid has to be taken at its word.
 */
export interface ProcessIdentity {
  bootId: string | null
  processStart: string | null
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

export function currentBootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || null
}

/**
 * Field 22 of /proc/<pid>/stat. The second field is the program name in parentheses and may
 * itself hold spaces and parentheses, so fields are counted from the last ')'.
 */
export function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`)
  if (!stat) return null
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // afterName[0] is field 3 (state), so field 22 is at index 19.
  const start = afterName[19]
  return start && /^\d+$/.test(start) ? start : null
}

export const processIdentity = (pid: number): ProcessIdentity => ({ bootId: currentBootId(), processStart: processStart(pid) })
