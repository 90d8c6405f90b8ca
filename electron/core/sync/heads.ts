/** A document's heads, as SQLite keeps them (JSON). Apart from the engine, which loads Automerge. */
export type Heads = string[]

export const headsEqual = (a: Heads, b: Heads): boolean => {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((h, i) => h === y[i])
}

export const parseHeads = (text: string): Heads => {
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : []
}
