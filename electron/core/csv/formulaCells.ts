import { csvCell } from './csvText'

/**
 * Cells every CSV the app writes is made of. A spreadsheet runs a cell that starts with
 * = + - @ as a formula (=HYPERLINK(...) sends data away when clicked), some after skipping a
 * leading tab, carriage return or line feed, and some read the full-width forms the same way.
 * Such text is written with a leading apostrophe, which spreadsheets show as nothing.
 *
 * The CSV importer takes that apostrophe off again (undoDefuse). So that a value of our own
 * that starts with an apostrophe survives the trip too, it gets one more on the way out: an
 * apostrophe followed by an apostrophe or a formula start always means one was added.
 */
const formulaStart = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

export const defuseFormula = (value: string): string => (formulaStart.test(value) || value.startsWith("'") ? `'${value}` : value)

export const undoDefuse = (value: string): string => {
  // Most cells do not start with an apostrophe: no copy of them is made.
  if (!value.startsWith("'")) return value
  const rest = value.slice(1)
  return formulaStart.test(rest) || rest.startsWith("'") ? rest : value
}

/** One cell: text defused and quoted; a number as itself (a negative number is a number, not a formula); null empty. */
export function spreadsheetCell(value: string | number | null): string {
  if (value === null) return ''
  return typeof value === 'number' ? String(value) : csvCell(defuseFormula(value))
}

/** Rows joined with CRLF, as RFC 4180 and spreadsheets expect. */
export const spreadsheetLines = (rows: readonly (readonly (string | number | null)[])[]): string =>
  rows.map((cells) => cells.map(spreadsheetCell).join(',')).join('\r\n') + '\r\n'
