import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getArticle } from '../db/articles'
import { openArchiveDatabase } from '../db/index'
import { WORKER_BUNDLE_NAME } from '../extract/pool'
import { Importer } from './importer'
import { savedPageResourceDir } from './walk'
import { REPO_ROOT } from '../../../../tests/support/paths'

const REPO = REPO_ROOT
let scratch = ''
let workerFile = ''

/** Bytes that read as a PNG (its signature), distinct per seed and long enough not to count as a pixel. */
function pngBytes(seed: number): Buffer {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  return Buffer.from([...signature, ...Array.from({ length: 400 }, (_, i) => (i * 31 + seed * 17) % 256)])
}

const PAGE = `<!doctype html><html lang="en"><head><title>Ports reopen</title></head><body><article>
<h1>Ports reopen</h1><p>Ports along the coast reopened on Monday after three days of closures, and ships came in.</p>
<figure><img src="./page_files/quay.png" alt="The quay"><figcaption>The quay at dawn.</figcaption></figure>
<p><img src="../secret.png" alt="Outside"></p>
<p>The harbour master said the channel had been checked overnight and was clear for traffic again.</p>
</article></body></html>`

beforeAll(async () => {
  // Inside the repository, so the worker bundle's require() calls find node_modules.
  scratch = await mkdtemp(join(REPO, 'node_modules/.cache-lectern-saved-page-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(__dirname, '../extract/worker.ts'),
      outDir: join(scratch, 'bundle'),
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: WORKER_BUNDLE_NAME } },
    },
  })
  workerFile = join(scratch, 'bundle', WORKER_BUNDLE_NAME)
})

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('savedPageResourceDir', () => {
  it('finds the "_files" folder beside a page, but not a link in its place', async () => {
    const folder = await mkdtemp(join(scratch, 'resources-'))
    await mkdir(join(folder, 'Page_files'))
    await writeFile(join(folder, 'Page.html'), '<p>page</p>')
    await writeFile(join(folder, 'Other.htm'), '<p>other</p>')
    await symlink(join(folder, 'Page_files'), join(folder, 'Other_files'))
    expect(await savedPageResourceDir(join(folder, 'Page.html'))).toBe(join(folder, 'Page_files'))
    expect(await savedPageResourceDir(join(folder, 'Other.htm'))).toBeNull()
    expect(await savedPageResourceDir(join(folder, 'Page.txt'))).toBeNull()
    expect(await savedPageResourceDir(join(folder, 'Missing.html'))).toBeNull()
  })
})

describe.each([
  { label: 'worker threads', workers: 2 },
  { label: 'in-process', workers: 0 },
])('Importing a Save Page As page ($label)', ({ workers }) => {
  it('keeps the images of its "_files" folder in the reading copy, and nothing from outside it', async () => {
    const folder = await mkdtemp(join(scratch, `import-${workers}-`))
    const site = join(folder, 'saved')
    await mkdir(join(site, 'page_files'), { recursive: true })
    await writeFile(join(site, 'page.html'), PAGE)
    await writeFile(join(site, 'page_files', 'quay.png'), pngBytes(1))
    await writeFile(join(folder, 'secret.png'), pngBytes(2))

    const db = await openArchiveDatabase(join(folder, 'lectern.sqlite'))
    const importer = new Importer(db, () => undefined, { extraction: { workers, workerFile } })
    try {
      expect(importer.extraction.mode).toBe(workers > 0 ? 'workers' : 'in-process')
      const report = await importer.importPaths({ paths: [site] })
      expect(report.items.map((item) => [item.file, item.status])).toEqual([
        [join(site, 'page.html'), 'imported'],
      ])
      const article = await getArticle(db, report.items[0]?.id ?? -1)
      const quay = `data:image/png;base64,${pngBytes(1).toString('base64')}`
      expect(article?.contentHtml).toContain(`<img src="${quay}" alt="The quay">`)
      expect(article?.contentHtml).not.toContain(pngBytes(2).toString('base64'))
      expect(article?.contentHtml).toContain('<span class="lectern-remote-image">[image: Outside]</span>')
    } finally {
      await importer.shutdown()
      await db.close()
    }
  })
})
