import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contract, createClient, type Api } from '@shared/contract'
import { maxImportLength } from '@shared/contract/data'
import { httpUploadPath, maxImportFileBytes, maxRequestBytes } from '@shared/contract/transport'
import { generateDataset, tinySize } from '../../bench/generate'
import { uploadsFolder } from '../../electron/core/host/importFiles'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { createHttpInvoke, createHttpUpload } from '../../renderer/src/api/httpTransport'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { contentDir, makeTempDir } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { open } = useTempCores()
let hosts: WebHost[] = []
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()))
  hosts = []
})

/** A generated history (every table), exported: what a person's file holds. */
async function exportedHistory() {
  const dataDir = makeTempDir()
  await generateDataset({ dataDir, contentDir, size: tinySize, end: '2026-06-30' })
  const source = await open({ dataDir })
  const exported = await must(apiOf(source).data.exportAll({}))
  const activities = await must(apiOf(source).imports.csvExport({}))
  return { exported, csv: activities.csv }
}

/** The same document, grown past `size` characters (so bytes too) with whitespace JSON allows at its end. */
const paddedJson = (json: string, size: number): string => json + ' '.repeat(Math.max(0, size + 1 - json.length))
/** The same CSV, grown past `size` characters with blank lines, which hold no record. */
const paddedCsv = (csv: string, size: number): string => csv + '\r\n'.repeat(Math.ceil(Math.max(0, size + 1 - csv.length) / 2))

const dataOf = (json: string): unknown => (JSON.parse(json) as { data: unknown }).data

async function serve() {
  const core = await open()
  const host = await startWebHost({ dispatcher: core, rendererDir: '/nonexistent', dataDir: core.dataDir })
  hosts.push(host)
  const base = `http://127.0.0.1:${host.port}`
  const auth = { Authorization: `Bearer ${host.token}` }
  const api: Api = createClient(contract, createHttpInvoke(base, auth))
  return { core, host, api, upload: createHttpUpload(base, auth), uploads: () => (existsSync(uploadsFolder(core.dataDir)) ? readdirSync(uploadsFolder(core.dataDir)) : []) }
}

describe('an export imported from a file the core reads', () => {
  it('imports a file over the 50 MB a call may carry, every row as exported', async () => {
    const { exported } = await exportedHistory()
    const big = paddedJson(exported.json, maxImportLength)
    const target = await open()
    // As text in one call it is refused at the contract: the limit this way round has.
    expect((await refused(apiOf(target).data.importAll({ json: big }))).message).toContain('import it as a file')
    const file = join(makeTempDir(), 'pathfinder-export.json')
    writeFileSync(file, big)
    const result = await must(apiOf(target).data.importAll({ file: { path: file } }))
    expect(result.counts).toEqual(exported.counts)
    expect(result.safetyBackup.reason).toBe('before-import')
    expect(dataOf((await must(apiOf(target).data.exportAll({}))).json)).toEqual(dataOf(exported.json))
    // The person's file is theirs: read, not removed.
    expect(existsSync(file)).toBe(true)
  })

  it('refuses a path that is not a file it can read, in words, and changes nothing', async () => {
    const target = await open()
    await must(apiOf(target).roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
    const before = snapshotStore(target.db)
    const folder = makeTempDir()
    writeFileSync(join(folder, 'empty.json'), '')
    const cases: [string, RegExp][] = [
      ['pathfinder-export.json', /its path is not a full path/],
      [join(folder, 'missing.json'), /There is no file at .*missing\.json\. Nothing was imported\./],
      [folder, /is a folder, not a file/],
      [join(folder, 'empty.json'), /The file is empty\. Nothing was imported\./],
    ]
    for (const [path, message] of cases) expect((await refused(apiOf(target).data.importAll({ file: { path } }))).message).toMatch(message)
    expect((await refused(apiOf(target).data.importAll({ file: { upload: 'x'.repeat(24) } }))).message).toMatch(/The uploaded file is gone/)
    expect(snapshotStore(target.db)).toBe(before)
  })

  it('reads a CSV from a path too, and keeps the file', async () => {
    const target = await open()
    const file = join(makeTempDir(), 'activities.csv')
    writeFileSync(file, 'date,kind,title\r\n2027-01-05,learning,Read the release notes\r\n')
    expect(await must(apiOf(target).imports.csvPreview({ file: { path: file } }))).toMatchObject({ added: 1, rows: 1 })
    expect(await must(apiOf(target).imports.csvCommit({ file: { path: file } }))).toMatchObject({ added: 1 })
    expect(existsSync(file)).toBe(true)
  })
})

describe("the web host's upload route", () => {
  it('takes an export over the 8 MiB a call may carry, and the import reads it from the data folder', async () => {
    const { exported } = await exportedHistory()
    const big = paddedJson(exported.json, maxRequestBytes)
    const { api, upload, uploads } = await serve()
    // Sent as a call it is refused by the host before the core sees it: the old way, and its cap.
    expect((await refused(api.data.importAll({ json: big }))).message).toBe('That request is too large.')
    const uploaded = await must(upload(new Blob([big])))
    expect(uploads()).toEqual([`${uploaded.upload}.upload`])
    const result = await must(api.data.importAll({ file: uploaded }))
    expect(result.counts).toEqual(exported.counts)
    expect(dataOf((await must(api.data.exportAll({}))).json)).toEqual(dataOf(exported.json))
    // Imported, the upload is gone: it served its one purpose.
    expect(uploads()).toEqual([])
  })

  it('takes a CSV over 8 MiB for the preview and the import, and keeps it until it is imported', async () => {
    const { csv } = await exportedHistory()
    const { api, upload, uploads } = await serve()
    const file = await must(upload(new Blob([paddedCsv(csv, maxRequestBytes)])))
    const preview = await must(api.imports.csvPreview({ file }))
    expect(preview.rows).toBe(tinySize.activities)
    expect(uploads()).toHaveLength(1)
    const summary = await must(api.imports.csvCommit({ file, skipLines: preview.badLines }))
    expect(summary.added + summary.skipped).toBe(tinySize.activities)
    expect(summary.added).toBeGreaterThan(0)
    expect(uploads()).toEqual([])
  })

  it('refuses an upload without the session, or larger than any import reads, and stores nothing', async () => {
    const { host, uploads } = await serve()
    const post = (headers: Record<string, string>, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: httpUploadPath, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
        })
        req.on('error', reject)
        // A declared length is judged before any of the body is read: nothing more is sent.
        if (headers['Content-Length'] === undefined) req.end(body)
        else req.flushHeaders()
      })
    expect((await post({}, 'date,kind,title\r\n')).status).toBe(401)
    const huge = await post({ Authorization: `Bearer ${host.token}`, 'Content-Length': String(maxImportFileBytes + 1) }, '')
    expect(huge.status).toBe(413)
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('more than any import reads') } })
    expect((await post({ Authorization: `Bearer ${host.token}` }, '')).status).toBe(400)
    expect(uploads()).toEqual([])
  })
})

