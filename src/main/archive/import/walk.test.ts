import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectImportTargets } from './walk'

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

const paths = (targets: { path: string }[]) => targets.map((target) => target.path.slice(dir.length + 1))

describe('collectImportTargets', () => {
  it('lists page files of a folder in name order, skipping hidden files, other kinds and subfolders', async () => {
    const targets = await collectImportTargets([join(dir, 'inbox')], false)
    expect(paths(targets)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html'])
    expect(targets.every((target) => target.problem === undefined && target.size! > 0)).toBe(true)
  })

  it('walks subfolders when recursive, but not the resources folder saved beside a page', async () => {
    const targets = await collectImportTargets([join(dir, 'inbox')], true)
    expect(paths(targets)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html', 'inbox/older/c.htm'])
  })

  it('takes a file named explicitly whatever its name', async () => {
    const targets = await collectImportTargets(
      [join(dir, 'inbox', 'picture.png'), join(dir, 'inbox', '.hidden.html')],
      false,
    )
    expect(paths(targets)).toEqual(['inbox/picture.png', 'inbox/.hidden.html'])
  })

  it('reports missing paths and broken links as problems', async () => {
    await symlink(join(dir, 'nowhere.html'), join(dir, 'inbox', 'broken.html'))
    const targets = await collectImportTargets([join(dir, 'missing.html'), join(dir, 'inbox')], false)
    expect(targets[0]).toEqual({
      path: join(dir, 'missing.html'),
      problem: expect.stringMatching(/no such file/),
    })
    expect(targets.find((target) => target.path.endsWith('broken.html'))?.problem).toMatch(/no such file/)
  })

  it.skipIf(process.platform === 'win32')('reports a pipe instead of waiting on it', async () => {
    execFileSync('mkfifo', [join(dir, 'inbox', 'pipe.html')])
    const targets = await collectImportTargets([join(dir, 'inbox')], false)
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
    const targets = await collectImportTargets([join(dir, 'inbox')], true)
    expect(paths(targets)).toEqual(['inbox/Page.html', 'inbox/a.txt', 'inbox/b.html', 'inbox/older/c.htm'])
  })
})
