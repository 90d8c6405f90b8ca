/**
 * Turns what a person typed into a safe FTS5 query. FTS5 has its own syntax (quotes, AND/OR/
 * NOT, NEAR, column filters, `*`, `^`), and typed text must never be read as that syntax: each
 * word becomes a quoted prefix term, so "express rout" finds "Express routing", and `"`,
 * `:` or `-` in the input are just characters. Words are ANDed. Returns null when nothing
 * searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/)
    // Inside an FTS5 string a quote is written twice; dropping it loses nothing searchable.
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 16)
  if (terms.length === 0) return null
  return terms.map((word) => `"${word}"*`).join(' ')
}
