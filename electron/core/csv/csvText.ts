/**
 * RFC 4180 CSV, read and written by hand: about sixty lines, no dependency, and the reader
 * knows the line each record starts on (records may span lines inside quotes), which is
 * what error messages need.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number
  cells: string[]
}

export interface CsvParse {
  records: CsvRecord[]
  error: { line: number; message: string } | null
}

/** Comma, unless the header uses semicolons only (spreadsheets in many locales write those). */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/))
  return header.includes(';') && !header.includes(',') ? ';' : ','
}

/**
 * The records of a CSV text one by one, so a caller can pause between them; the generator's
 * return value is the error that stopped it, or null at the end of the text.
 */
export function* csvRecords(input: string, delimiter: ',' | ';' = detectDelimiter(input)): Generator<CsvRecord, CsvParse['error'], void> {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  let line = 1
  let i = 0
  while (i < text.length) {
    const start = line
    const cells: string[] = []
    for (;;) {
      let cell = ''
      if (text[i] === '"') {
        i++
        for (;;) {
          if (i >= text.length) return { line: start, message: 'A quoted value is never closed (a " is missing)' }
          const ch = text[i]
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"'
              i += 2
              continue
            }
            i++
            break
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
          cell += ch
          i++
        }
        const after = text[i]
        if (after !== undefined && after !== delimiter && after !== '\r' && after !== '\n') {
          return { line, message: `Unexpected text after a closing quote; put the whole value in quotes and double any " inside` }
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') cell += text[i++]
      }
      cells.push(cell)
      if (text[i] === delimiter) {
        i++
        continue
      }
      break
    }
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
    line++
    // A blank line is no record; it still counts for line numbers.
    if (!(cells.length === 1 && cells[0]?.trim() === '')) yield { line: start, cells }
  }
  return null
}

export function parseCsv(input: string, delimiter: ',' | ';' = detectDelimiter(input)): CsvParse {
  const records: CsvRecord[] = []
  const reading = csvRecords(input, delimiter)
  for (let next = reading.next(); ; next = reading.next()) {
    if (next.done) return { records, error: next.value }
    records.push(next.value)
  }
}

const needsQuotes = /[",\r\n;]|^\s|\s$/

/** Quoting only: what the app writes goes through formulaCells.ts, which defuses formulas first. */
export function csvCell(value: string): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Rows joined with CRLF, as RFC 4180 and spreadsheets expect. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

