/**
 * Text SQLite cannot keep as it was given. A NUL is stored, but SQLite's text functions stop
 * there (length('\0') is 0), so a title of "\0" would pass every schema and then break a CHECK
 * or vanish from search. A lone UTF-16 surrogate (half of a pair, "\ud800") has no UTF-8 form:
 * it is written as bytes that are not valid UTF-8 and read back as something else. Both are
 * refused at the contract instead, naming the field.
 */
export const nulCharacterMessage = 'Remove the invisible NUL character (\\0): it cannot be stored'
export const loneSurrogateMessage = 'Remove the broken character (half of a UTF-16 surrogate pair, such as \\ud800): it cannot be stored'

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why `text` cannot be stored as it is, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (text.includes('\0')) return nulCharacterMessage
  if (loneSurrogate.test(text)) return loneSurrogateMessage
  return null
}

/** The same text with every lone surrogate shown as U+FFFD, as a UTF-8 decoder would. */
export const replaceLoneSurrogates = (text: string): string => text.replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD')

/**
 * Where a value holds text that cannot be stored, as a path into it with the reason, or null.
 * Walks parsed input only, which the channel's schema has already bounded in size and depth.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const message = unstorableTextReason(value)
    return message ? { path, message } : null
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index])
      if (found) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
