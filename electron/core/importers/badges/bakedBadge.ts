import { inflateSync } from 'node:zlib'
import { DomainError } from '../../ipc/domainError'

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Open Badges 2.0 bakes under `openbadges`, 3.0 under `openbadgecredential`. */
const pngKeywords = new Set(['openbadges', 'openbadgecredential'])
/** A baked assertion is a few kilobytes; a chunk claiming more is not one worth inflating. */
const maxBakedBytes = 2 * 1024 * 1024

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'file', message }])

export const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(pngSignature)

/**
 * The text baked into a PNG (Open Badges Baking 2.0 / 3.0): an iTXt chunk with the keyword
 * `openbadges` or `openbadgecredential`, whose text is the assertion's JSON, a signed JWS, or
 * the address of a hosted assertion. Chunk lengths are checked against the file, so a truncated
 * or lying image is refused rather than read past its end.
 */
export function textFromPng(bytes: Buffer): string {
  let at = 8
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const dataStart = at + 8
    const dataEnd = dataStart + length
    if (dataEnd + 4 > bytes.length) throw refuse('The PNG image is cut short: it ends inside one of its parts.')
    if (type === 'iTXt') {
      const found = readITXt(bytes.subarray(dataStart, dataEnd))
      if (found !== null) return found
    }
    if (type === 'IEND') break
    at = dataEnd + 4
  }
  throw refuse('This PNG image has no badge baked into it (no Open Badges iTXt chunk).')
}

/** keyword\0 flag method language\0 translated\0 text, per the PNG spec; null for another keyword. */
function readITXt(data: Buffer): string | null {
  const keywordEnd = data.indexOf(0)
  if (keywordEnd < 1 || keywordEnd > 79) return null
  if (!pngKeywords.has(data.toString('latin1', 0, keywordEnd))) return null
  const compressed = data[keywordEnd + 1] === 1
  const languageEnd = data.indexOf(0, keywordEnd + 3)
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1)
  if (translatedEnd < 0) throw refuse('The badge baked into this PNG is damaged (its iTXt chunk is incomplete).')
  const text = data.subarray(translatedEnd + 1)
  if (!compressed) return text.toString('utf8')
  try {
    return inflateSync(text, { maxOutputLength: maxBakedBytes }).toString('utf8')
  } catch {
    throw refuse('The badge baked into this PNG is damaged (its compressed text does not inflate, or is too large).')
  }
}

/**
 * The text baked into an SVG: the `openbadges:assertion` (2.0) or `openbadges:credential` (3.0)
 * element's content, CDATA or not, else its `verify` address (a hosted assertion).
 */
export function textFromSvg(svg: string): string {
  const element = /<openbadges:(assertion|credential)\b([^>]*?)(\/>|>([\s\S]*?)<\/openbadges:\1\s*>)/i.exec(svg)
  if (!element) throw refuse('This SVG image has no badge baked into it (no openbadges:assertion or openbadges:credential element).')
  const body = (element[4] ?? '').replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '').trim()
  if (body) return body
  const verify = /\bverify\s*=\s*"([^"]*)"|\bverify\s*=\s*'([^']*)'/.exec(element[2] ?? '')
  const address = (verify?.[1] ?? verify?.[2] ?? '').trim()
  if (address) return address
  throw refuse('The badge element in this SVG image is empty.')
}
