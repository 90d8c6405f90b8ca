import { replaceLoneSurrogates } from '../ipc/nulCharacters'

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©', reg: '®', trade: '™', laquo: '«', raquo: '»', middot: '·', bull: '•' }

/** `&amp;`, `&#39;`, `&#x1F600;` and the common named ones, as a browser would read them in text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD'
    }
    return named[name.toLowerCase()] ?? whole
  })
}

/**
 * What a piece of HTML says, as plain text on one line: scripts, styles and comments dropped,
 * tags removed, entities decoded, control characters gone, spaces collapsed. Imported text is
 * only ever shown as text, so this is about reading well, not about safety; and it keeps a
 * title from carrying markup into a report.
 */
export function htmlToText(html: string, maxLength = 500): string {
  const text = html
    .slice(0, maxLength * 20)
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
  return oneLine(decodeEntities(text), maxLength)
}

/** Text on one line, without NULs, control characters or broken surrogates, cut at a word. */
export function oneLine(text: string, maxLength = 500): string {
  // eslint-disable-next-line no-control-regex
  const clean = replaceLoneSurrogates(text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g, ' ')).replace(/\s+/g, ' ').trim()
  if (clean.length <= maxLength) return clean
  const cut = clean.slice(0, maxLength - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** Text kept as paragraphs (for notes): the same cleaning, line breaks kept, at most `maxLength`. */
export function htmlToParagraphs(html: string, maxLength = 1000): string {
  const withBreaks = html.slice(0, maxLength * 20).replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
  return withBreaks
    .split(/\n+/)
    .map((line) => htmlToText(line, maxLength))
    .filter(Boolean)
    .join('\n')
    .slice(0, maxLength)
}
