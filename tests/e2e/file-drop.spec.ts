import { expect, test, type Page } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { makeDataDir, startHost } from './support/webHost'

/** Drops one file on the page as a person dragging it from their file manager would. */
async function dropFile(page: Page, name: string, type: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, type, text }) => {
      const data = new DataTransfer()
      data.items.add(new File([text], name, { type }))
      for (const kind of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    { name, type, text },
  )
}

test('a CSV file or an export dropped on the window opens its import with the preview; anything else is refused in words', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  await dropFile(page, 'talks.csv', 'text/csv', 'date,kind,title\n2026-10-01,talk,Streams at Node.js Berlin\n2026-10-12,blog-post,Virtual threads in practice\n')
  const importer = page.getByRole('dialog', { name: 'Import activities' })
  await expect(importer.getByRole('tab', { name: 'CSV file' })).toHaveAttribute('aria-selected', 'true')
  await expect(importer.getByRole('region', { name: 'What the import would do' })).toContainText('talks.csv: 2 rows. 2 new')
  await page.keyboard.press('Escape')
  await expect(importer).toBeHidden()

  // A real export of this store, as Settings writes it.
  const { json } = value(await apiFor(host).data.exportAll(undefined))
  await dropFile(page, 'pathfinder-export.json', 'application/json', json)
  await expect(page.getByRole('dialog', { name: 'Replace all your data with this file?' })).toBeVisible()
  await page.keyboard.press('Escape')

  await dropFile(page, 'photo.png', 'image/png', 'not an import')
  await expect(page.getByRole('status')).toContainText('Pathfinder imports CSV files and its own JSON exports; photo.png is neither. Nothing was imported.')
  await host.stop()
})
