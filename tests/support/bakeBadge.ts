import { crc32, deflateSync } from 'node:zlib'

/**
 * PNG files with a badge baked in, as Open Badges Baking specifies: an iTXt chunk with the
 * keyword `openbadges` (2.0) or `openbadgecredential` (3.0) before the image data. Built chunk
 * by chunk from the PNG specification, so a test can also make them damaged on purpose.
 */
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** keyword\0, compression flag and method, empty language and translated keyword, then the text. */
export function iTXt(keyword: string, text: string, compressed = false): Buffer {
  const payload = compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8')
  return pngChunk('iTXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, compressed ? 1 : 0, 0, 0, 0]), payload]))
}

/** A 1x1 blue pixel, with `extra` chunks between the header and the image data. */
export function onePixelPng(extra: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const pixels = deflateSync(Buffer.from([0, 0x2b, 0x6c, 0xb0]))
  return Buffer.concat([signature, pngChunk('IHDR', header), ...extra, pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))])
}

export const bakedPng = (text: string, options: { keyword?: string; compressed?: boolean } = {}): Buffer =>
  onePixelPng([iTXt(options.keyword ?? 'openbadges', text, options.compressed)])
