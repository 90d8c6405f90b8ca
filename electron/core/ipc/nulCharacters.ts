/**
 * Where a value holds a NUL character, as a path into it, or null. SQLite stores NUL but its
 * text functions stop there (length('\0') is 0), so a title of "\0" would pass every schema
 * and then break a CHECK or vanish from search: such text is refused at the contract instead.
 * Walks parsed input only, which the channel's schema has already bounded in size and depth.
 */
export function findNulCharacter(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, index])
      if (found) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

export const nulCharacterMessage = 'Remove the invisible NUL character (\\0): it cannot be stored'
