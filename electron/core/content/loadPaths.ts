import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { careerPathSchema, type CareerPathFile } from '@shared/domain/careerPath'
import { describeIssues } from '../ipc/describeIssues'

export class ContentError extends Error {
  override name = 'ContentError'
}

/** Reads and validates one career path file; the error names the file and what is wrong. */
export function loadPathFile(file: string): CareerPathFile {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ContentError(`Career path ${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = careerPathSchema.safeParse(json)
  if (!parsed.success) throw new ContentError(`Career path ${file} is invalid. ${describeIssues(parsed.error).message}`)
  return parsed.data
}

/** Every *.json in a folder is a career path; a new role needs a new file, not new code. */
export function loadPathDir(dir: string): CareerPathFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => loadPathFile(join(dir, name)))
}
