import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectImportTargets, type ImportWalk } from './walk'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-walk-'))
  await mkdir(join(dir, 'inbox', 'older'), { recursive: true })
  await mkdir(join(dir, 'inbox', 'Page_files'))
  await writeFile(join(dir, 'inbox', 'b.html'), '<p>b</p>')
  await writeFile(join(dir, 'inbox', 'a.txt'), 'a')
  await writeFile(join(dir, 'inbox', 'Page.html'), '<p>page</p>')
  await writeFile(join(dir, 'inbox', 'Page_files', 'frame.html'), '<p>an ad</p>')
  await writeFile(join(dir, 'inbox', 'picture.png'), 'not a page')
  await writeFile(join(dir, 'inbox', '.hidden.html'), '<p>hidden</p>')
  await writeFile(join(dir, 'inbox', 'older', 'c.htm'), '<p>c</p>')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const relative = (path: string) => path.slice(dir.length + 1)
/** The files the walk will read, relative to the test folder. */
const paths = (walk: ImportWalk) =>
  walk.targets.filter((target) => target.skip === undefined).map((target) => relative(target.path))
/** The files passed over by name, with their reasons. */
const skipped = (walk: ImportWalk) =>
  Object.fromEntries(
    walk.targets.flatMap((target) => (target.skip ? [[relative(target.path), target.skip]] : [])),
  )

describe('collectImportTargets', () => {
  it('lists page files of a folder in name order; hidden files and other kinds are skipped, subfolders listed', async () => {
    const walk = await collectImportTargets([join(dir, 'inbox')], false)
    expect(paths(walk)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html'])
    expect(skipped(walk)).toEqual({ 'inbox/.hidden.html': 'hidden', 'inbox/picture.png': 'image' })
    expect(walk.targets.every((target) => target.problem === undefined)).toBe(true)
    expect(walk.targets.filter((target) => !target.skip).every((target) => target.size! > 0)).toBe(true)
    // The resources folder saved beside Page.html belongs to the page: it is not a folder left out.
    expect(walk.foldersNotEntered.map(relative)).toEqual(['inbox/older'])
  })

  it('reads every format the importer reads and accounts for every other file', async () => {
    const names = [
      'safari.webarchive',
      'refs.bib',
      'refs.bibtex',
      'refs.ris',
      'items.json',
      'items.csljson',
      'page.xhtml',
      'page.shtml',
      'chrome.mhtml',
      'ie.mht',
      'copy.text',
      'paper.pdf',
      'LICENSE',
      'NOTICE.md',
      'pages.zip',
      'page.html.gz',
      'font.woff2',
      'setup.exe',
      'clip.mp4',
      'thesis.docx',
      'table.csv',
      'app.js',
      'notes.md',
      'Makefile',
    ]
    for (const name of names) await writeFile(join(dir, 'inbox', 'older', name), 'x')
    await mkdir(join(dir, 'inbox', '.git'))
    await writeFile(join(dir, 'inbox', '.git', 'config'), 'x')
    const walk = await collectImportTargets([join(dir, 'inbox', 'older')], false)
    expect(paths(walk).map((path) => path.replace('inbox/older/', ''))).toEqual(
      [
        'c.htm',
        'chrome.mhtml',
        'copy.text',
        'ie.mht',
        'items.csljson',
        'items.json',
        'page.shtml',
        'page.xhtml',
        'paper.pdf',
        'refs.bib',
        'refs.bibtex',
        'refs.ris',
        'safari.webarchive',
      ].sort(),
    )
    expect(skipped(walk)).toEqual({
      'inbox/older/LICENSE': 'licence',
      'inbox/older/NOTICE.md': 'readme',
      'inbox/older/pages.zip': 'archive',
      'inbox/older/page.html.gz': 'archive',
      'inbox/older/font.woff2': 'font',
      'inbox/older/setup.exe': 'program',
      'inbox/older/clip.mp4': 'media',
      'inbox/older/thesis.docx': 'document',
      'inbox/older/table.csv': 'data',
      'inbox/older/app.js': 'code',
      'inbox/older/notes.md': 'other',
      'inbox/older/Makefile': 'other',
    })
    // A hidden folder is neither entered nor listed as left out, with or without --recursive.
    const recursive = await collectImportTargets([join(dir, 'inbox')], true)
    expect(recursive.targets.some((target) => target.path.includes('.git'))).toBe(false)
    expect(recursive.foldersNotEntered).toEqual([])
  })

  it('walks subfolders when recursive, but not the resources folder saved beside a page', async () => {
    const walk = await collectImportTargets([join(dir, 'inbox')], true)
    expect(paths(walk)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html', 'inbox/older/c.htm'])
    expect(walk.foldersNotEntered).toEqual([])
  })

  it('takes a file named explicitly whatever its name', async () => {
    const walk = await collectImportTargets(
      [join(dir, 'inbox', 'picture.png'), join(dir, 'inbox', '.hidden.html')],
      false,
    )
    expect(paths(walk)).toEqual(['inbox/picture.png', 'inbox/.hidden.html'])
  })

  it('reports missing paths and broken links as problems', async () => {
    await symlink(join(dir, 'nowhere.html'), join(dir, 'inbox', 'broken.html'))
    const { targets } = await collectImportTargets([join(dir, 'missing.html'), join(dir, 'inbox')], false)
    expect(targets[0]).toEqual({
      path: join(dir, 'missing.html'),
      problem: expect.stringMatching(/no such file/),
    })
    expect(targets.find((target) => target.path.endsWith('broken.html'))?.problem).toMatch(/no such file/)
  })

  // Windows has no named pipes in the file system to walk into.
  it.skipIf(process.platform === 'win32')('reports a pipe instead of waiting on it', async () => {
    execFileSync('mkfifo', [join(dir, 'inbox', 'pipe.html')])
    const { targets } = await collectImportTargets([join(dir, 'inbox')], false)
    expect(targets.find((target) => target.path.endsWith('pipe.html'))?.problem).toMatch(/not a regular file/)
  })

  it('follows a linked folder when recursive', async () => {
    await mkdir(join(dir, 'elsewhere'))
    await writeFile(join(dir, 'elsewhere', 'd.html'), '<p>d</p>')
    await symlink(join(dir, 'elsewhere'), join(dir, 'inbox', 'linked'))
    expect(paths(await collectImportTargets([join(dir, 'inbox')], true))).toContain('inbox/linked/d.html')
    expect(paths(await collectImportTargets([join(dir, 'inbox')], false))).not.toContain(
      'inbox/linked/d.html',
    )
  })

  it('does not loop on a link back up the tree', async () => {
    await symlink(join(dir, 'inbox'), join(dir, 'inbox', 'older', 'loop'))
    await symlink(join(dir, 'inbox'), join(dir, 'inbox', 'older', 'loop.html'))
    const walk = await collectImportTargets([join(dir, 'inbox')], true)
    expect(paths(walk)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html', 'inbox/older/c.htm'])
  })
})
