import { describe, expect, it } from 'vitest'
import { deriveKey, newHeader, unlock } from '../../electron/core/sync/folderCrypto'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

describe('the folder key', () => {
  it('is RFC 7914 scrypt (its test vector: "password", "NaCl", N = 1024, r = 8, p = 16)', async () => {
    const key = await deriveKey('password', { name: 'scrypt', logN: 10, r: 8, p: 16, salt: Buffer.from('NaCl').toString('base64') })
    expect(hex(key)).toBe('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162')
  })

  it('at the default cost is the key folders set up before got (then from @noble/hashes)', async () => {
    // Computed with @noble/hashes' scrypt, which derived every folder key until Node's replaced it.
    const key = await deriveKey('pässwörd', { name: 'scrypt', logN: 16, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' })
    expect(hex(key)).toBe('3871a0346ce777a6e9202c51f76aa6a9f9757cf71abcc6c396214beccf67f977')
  })

  it('opens its own header with the passphrase and refuses another', async () => {
    const { header, key } = await newHeader('a passphrase long enough', { logN: 10, r: 8, p: 1 })
    expect(hex((await unlock(header, 'a passphrase long enough')) ?? new Uint8Array())).toBe(hex(key))
    expect(await unlock(header, 'another passphrase')).toBeUndefined()
  })
})
