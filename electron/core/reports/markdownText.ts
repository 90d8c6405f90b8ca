/**
 * User text inside Markdown. Every character that could open markup is escaped (with a
 * backslash, which CommonMark allows before any ASCII punctuation, or as an entity), so a
 * title like `](javascript:x)` or `<script>` prints as those characters, never as a link or HTML.
 * Ordinary text (dots, hyphens inside words, quotes) is left readable.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    // Angle brackets as entities, not backslash escapes: the raw text then holds no tag at all,
    // for the careless renderer or the person who pastes it into HTML.
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A `(` right after a bracket would read as a link destination in a careless renderer.
    .replace(/\\\]\(/g, '\\]\\(')
    // Characters that start a block (heading, quote, list, setext underline) at a line's start.
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .trim()
}

/** Only http(s) links become links; the destination is percent-encoded so it cannot end early. */
export function mdUrl(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    return parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  } catch {
    return null
  }
}

export const mdLink = (text: string, url: string | null): string => {
  const href = mdUrl(url)
  return href === null ? mdText(text) : `[${mdText(text)}](${href})`
}

/** A GFM table; cells are already Markdown (escaped by the caller). */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right' | 'center')[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`
  const rule = headers.map((_, i) => ({ left: '---', right: '---:', center: ':---:' })[align[i] ?? 'left'])
  return [line(headers), line(rule), ...rows.map(line)].join('\n')
}
