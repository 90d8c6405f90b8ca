import { statSync } from 'node:fs'
import { join, normalize, sep } from 'node:path'

// Both hosts serve the built renderer (the desktop app through app://, the web host over HTTP)
// and must refuse the same escapes, so the rule lives here, below both.
/** Resolves a URL path inside root, or undefined when it would escape root or is not a file. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded))
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined
  try {
    return statSync(file).isFile() ? file : undefined
  } catch {
    return undefined
  }
}
