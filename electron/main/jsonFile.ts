import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { z } from 'zod'

/** A small settings file of the desktop shell, or undefined when there is none or it does not parse. */
export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.output<T> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Written whole or not at all: a crash mid-write leaves the previous file. */
export function writeJsonFile(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(value))
  renameSync(`${file}.tmp`, file)
}
