import { expect, test, type Page, type Request } from '@playwright/test'
import { maxRequestBytes } from '../../shared/contract/transport'
import { apiFor, value } from './support/hostApi'
import { addressAt, makeDataDir, startHost } from './support/webHost'

/** The renderer's requests to the upload route, and the import calls that named an upload. */
function watchUploads(page: Page) {
  const uploads: Request[] = []
  const calls: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path === '/api/upload') uploads.push(request)
    else if (path.startsWith('/api/') && (request.postData() ?? '').includes('"upload"')) calls.push(path)
  })
  return { uploads, calls }
}

test('an export larger than one call may carry is uploaded as a file and imported', async ({ page }) => {
  const source = await startHost(makeDataDir())
  const seed = apiFor(source)
  value(await seed.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' }))
  const exported = value(await seed.data.exportAll({}))
  await source.stop()
  // Whitespace at the end is still the same JSON document: a file past the 8 MiB of a call.
  const json = exported.json + ' '.repeat(maxRequestBytes + 1 - exported.json.length)

  const host = await startHost(makeDataDir())
  const watched = watchUploads(page)
  await page.goto(addressAt(host, '/settings'))
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.getByLabel('Export file to import').setInputFiles({ name: 'pathfinder-export-big.json', mimeType: 'application/json', buffer: Buffer.from(json) })
  const replace = page.getByRole('dialog', { name: 'Replace all your data with this file?' })
  await expect(replace).toContainText('pathfinder-export-big.json')
  await replace.getByRole('button', { name: 'Replace my data' }).click()
  await expect(page.getByRole('status')).toContainText('Imported 1 roadmap item you tracked and 1 status change.')
  expect(watched.uploads).toHaveLength(1)
  expect(watched.calls).toEqual(['/api/data.importAll'])
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('combobox', { name: 'Status of Algorithms', exact: true })).toHaveValue('in-progress')
  await host.stop()
})

test('a CSV file larger than one call may carry is uploaded once, previewed and imported', async ({ page }) => {
  const host = await startHost(makeDataDir())
  const watched = watchUploads(page)
  const rows = Array.from({ length: 40 }, (_, i) => `2026-0${1 + (i % 9)}-1${i % 10},learning,Chapter ${i + 1} of the streams book,,,,1,`)
  // Blank lines hold no record: the same 40 rows, in a file past the 8 MiB of a call.
  const head = ['date,kind,title,url,repo,state,hours,skills', ...rows].join('\r\n')
  const csv = head + '\r\n'.repeat(Math.ceil((maxRequestBytes + 1 - head.length) / 2))
  await page.goto(addressAt(host, '/activities'))
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importer = page.getByRole('dialog', { name: 'Import activities' })
  await importer.getByRole('tab', { name: 'CSV file' }).click()
  await importer.getByLabel('File to import').setInputFiles({ name: 'reading-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  const preview = importer.getByRole('region', { name: 'What the import would do' })
  await expect(preview).toContainText('reading-log.csv: 40 rows. 40 new, 0 to update, 0 already in your log.')
  await importer.getByRole('button', { name: 'Import 40 rows' }).click()
  await expect(importer.getByText('Import finished')).toBeVisible()
  await importer.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page.getByTestId('activity-count')).toHaveText('40 activities')
  expect(watched.uploads).toHaveLength(1)
  expect(watched.calls).toEqual(['/api/imports.csvPreview', '/api/imports.csvCommit'])
  await host.stop()
})
