import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from './cli'
import { EXTRACT_FIELDS, SUMMARY_FIELDS } from './cli/output'
import { corpusAvailable, corpusPath } from '../../tests/support/paths'
import { MATCH_END, MATCH_START } from '../common/snippet'

const SEED = corpusPath('seed', 'caliber-az-vance-visit.txt')

interface Captured {
  io: CliIo
  stdout(): string
  stderr(): string
}

function capture(cwd: string, env: NodeJS.ProcessEnv = {}, signal?: AbortSignal): Captured {
  let out = ''
  let err = ''
  return {
    io: {
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: (chunk: string) => (err += chunk) },
      env,
      cwd,
      signal,
    },
    stdout: () => out,
    stderr: () => err,
  }
}

describe('lectern CLI', () => {
  let root: string
  let archiveDir: string
  const run = async (argv: string[], env?: NodeJS.ProcessEnv) => {
    const captured = capture(root, env)
    const code = await runCli(argv, captured.io)
    return { code, stdout: captured.stdout(), stderr: captured.stderr() }
  }
  const runInArchive = (argv: string[]) => run([...argv, '--archive', 'archive'])

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-cli-'))
    archiveDir = join(root, 'archive')
    await mkdir(join(root, 'pages', 'nested'), { recursive: true })
    await writeFile(
      join(root, 'pages', 'first.txt'),
      [
        'Визит вице-президента',
        'Вице-президент США прибывает в Баку с визитом, который многое говорит о приоритетах новой администрации.',
        'Эксперты связывают поездку с региональным сотрудничеством, транспортными коридорами и энергетикой.',
        'Символика таких визитов редко бывает случайной: она показывает, куда смотрит Вашингтон.',
      ].join('\n\n') + '\n',
    )
    await writeFile(join(root, 'pages', 'second.txt'), 'Second story\n\nA paragraph about regional trade.\n')
    await writeFile(join(root, 'pages', 'nested', 'third.txt'), 'Third story\n\nNested text about ports.\n')
    await writeFile(join(root, 'pages', 'empty.txt'), '')
  })

  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  describe('usage', () => {
    it('prints help with --help, help and COMMAND --help', async () => {
      const help = await run(['--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain('Commands:')
      expect(help.stdout).toContain('extract')
      expect((await run(['help'])).stdout).toBe(help.stdout)
      const importHelp = await run(['import', '--help'])
      expect(importHelp.code).toBe(0)
      expect(importHelp.stdout).toContain('Usage: lectern import PATH...')
      expect((await run(['help', 'import'])).stdout).toBe(importHelp.stdout)
    })

    it('exits 2 with a clear message for a missing or unknown command', async () => {
      const none = await run([])
      expect(none.code).toBe(2)
      expect(none.stderr).toContain('Usage: lectern')
      const unknown = await run(['frobnicate'])
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain('lectern: unknown command "frobnicate"')
    })

    it('exits 2 for unknown flags and bad values, naming them', async () => {
      const flag = await runInArchive(['list', '--bogus'])
      expect(flag.code).toBe(2)
      expect(flag.stderr).toContain('unknown option --bogus')
      expect(flag.stderr).toContain('lectern list --help')
      const limit = await runInArchive(['list', '--limit', 'ten'])
      expect(limit.code).toBe(2)
      expect(limit.stderr).toContain('--limit')
      const id = await runInArchive(['show', 'abc'])
      expect(id.code).toBe(2)
      expect(id.stderr).toContain('"abc"')
      const missingValue = await runInArchive(['search', 'x', '--limit'])
      expect(missingValue.code).toBe(2)
      expect(missingValue.stderr).toContain('--limit')
    })

    it('suggests the closest command or option for a typo', async () => {
      const command = await run(['serch', 'визит'])
      expect(command.code).toBe(2)
      expect(command.stderr).toContain('lectern: unknown command "serch"; did you mean `search`?')
      expect((await run(['improt', 'x'])).stderr).toContain('did you mean `import`?')
      expect((await run(['help', 'delet'])).stderr).toContain('did you mean `delete`?')
      const option = await runInArchive(['list', '--jsno'])
      expect(option.code).toBe(2)
      expect(option.stderr).toContain('unknown option --jsno; did you mean `--json`?')
      expect((await runInArchive(['import', 'pages', '--recursiv'])).stderr).toContain(
        'did you mean `--recursive`?',
      )
      // Nothing close: no guess.
      expect((await run(['frobnicate'])).stderr).not.toContain('did you mean')
    })

    it('says what is wrong with a value, naming the flag', async () => {
      const negative = await runInArchive(['list', '--limit', '-3'])
      expect(negative.code).toBe(2)
      expect(negative.stderr).toContain('lectern: --limit takes a positive whole number, not "-3"')
      expect(negative.stderr).toContain('lectern list --help')
      const offset = await runInArchive(['search', 'x', '--offset=-1'])
      expect(offset.stderr).toContain('--offset takes a whole number (0 or more), not "-1"')
      const tooMany = await runInArchive(['search', 'x', '--limit', '5000'])
      expect(tooMany.stderr).toContain('--limit takes a positive whole number up to 500, not "5000"')
      const emptyTag = await runInArchive(['tag', '1', '--add', ''])
      expect(emptyTag.code).toBe(2)
      expect(emptyTag.stderr).toContain('lectern: --add needs a tag name')
      expect(emptyTag.stderr).not.toMatch(/add\.0|Too small/)
      const longTag = await runInArchive(['tag', '1', '--remove', 'x'.repeat(201)])
      expect(longTag.stderr).toContain('--remove: a tag name is at most 200 characters')
      const sort = await runInArchive(['list', '--sort', 'colour'])
      expect(sort.code).toBe(2)
      expect(sort.stderr).toContain('--sort takes addedAt, publishedAt, title, siteName, not "colour"')
      const order = await runInArchive(['list', '--order', 'up'])
      expect(order.stderr).toContain('--order takes asc or desc, not "up"')
      const port = await runInArchive(['serve', '--port', '70000'])
      expect(port.stderr).toContain('--port takes a whole number (0 or more) up to 65535, not "70000"')
    })

    it('refuses to read a folder without an archive, and never makes one there', async () => {
      for (const argv of [
        ['list'],
        ['show', '1'],
        ['search', 'x'],
        ['info'],
        ['tag', '1', '--add', 'x'],
        ['delete', '1'],
        ['reextract', '--all'],
        ['cite', '1'],
        ['lists'],
        ['list-add', 'Thesis', '1'],
        ['export', 'out.zip'],
        ['backup', 'out.sqlite'],
      ]) {
        const result = await run([...argv, '--archive', 'mistyped/path'])
        expect(result.code, argv.join(' ')).toBe(1)
        expect(result.stderr, argv.join(' ')).toBe(
          `lectern: no archive at ${join(root, 'mistyped', 'path')}; \`lectern import\` creates one\n`,
        )
      }
      expect(existsSync(join(root, 'mistyped'))).toBe(false)
      // An existing folder without the archive file is no archive either.
      await mkdir(join(root, 'just-a-folder'))
      expect((await run(['info', '--archive', 'just-a-folder'])).code).toBe(1)
      expect(existsSync(join(root, 'just-a-folder', 'lectern.sqlite'))).toBe(false)
    })

    it('names the path in plain words when the archive folder cannot be one', async () => {
      await writeFile(join(root, 'a-file'), 'not a folder')
      const file = await run(['import', 'pages/second.txt', '--archive', 'a-file'])
      expect(file.code).toBe(1)
      expect(file.stderr).toBe(`lectern: ${join(root, 'a-file')} is a file, not an archive folder\n`)
      const below = await run(['import', 'pages/second.txt', '--archive', 'a-file/archive'])
      expect(below.stderr).toContain('part of the path is a file')
      await mkdir(join(root, 'odd', 'lectern.sqlite'), { recursive: true })
      const folder = await run(['list', '--archive', 'odd'])
      expect(folder.stderr).toBe(
        `lectern: ${join(root, 'odd', 'lectern.sqlite')} is a folder, not an archive file\n`,
      )
      for (const result of [file, below, folder]) expect(result.stderr).not.toMatch(/E[A-Z]{3,}|SQLITE_/)
    })

    it('prints every error as {"error": {"code", "message"}} on stdout with --json', async () => {
      const missing = await run(['list', '--json', '--archive', 'mistyped'])
      expect(missing.code).toBe(1)
      expect(JSON.parse(missing.stdout)).toEqual({
        error: {
          code: 'no-archive',
          message: `no archive at ${join(root, 'mistyped')}; \`lectern import\` creates one`,
        },
      })
      expect(missing.stderr).toBe('')
      const usage = await run(['list', '--json', '--limit', 'ten', '--archive', 'mistyped'])
      expect(usage.code).toBe(2)
      expect(JSON.parse(usage.stdout).error).toEqual({
        code: 'usage',
        message: '--limit takes a positive whole number, not "ten"',
      })
      const unknown = await run(['serch', '--json'])
      expect(JSON.parse(unknown.stdout).error.code).toBe('usage')
    })
  })

  describe('extract', () => {
    it('prints one JSON object per file with the documented fields in order', async () => {
      const result = await run(['extract', 'pages/first.txt', 'pages/second.txt', '--json'])
      expect(result.code).toBe(0)
      const lines = result.stdout.trim().split('\n')
      expect(lines).toHaveLength(2)
      const first = JSON.parse(lines[0] as string) as Record<string, unknown>
      expect(Object.keys(first).slice(0, EXTRACT_FIELDS.length + 1)).toEqual(['file', ...EXTRACT_FIELDS])
      expect(first.file).toBe('pages/first.txt')
      expect(typeof first.title).toBe('string')
      expect(typeof first.contentHtml).toBe('string')
      expect(first.contentText).toContain('прибывает в Баку с визитом')
    })

    it('reports a failing file by name, keeps going, and exits 1', async () => {
      const result = await run(['extract', 'pages/missing.txt', 'pages/second.txt', '--json'])
      expect(result.code).toBe(1)
      const [failed, ok] = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(Object.keys(failed ?? {})).toEqual(['file', 'error'])
      expect(failed?.file).toBe('pages/missing.txt')
      expect(String(failed?.error)).toMatch(/no such file/)
      expect(ok?.file).toBe('pages/second.txt')
    })

    it('passes --url through and refuses a non-web address', async () => {
      const result = await run([
        'extract',
        'pages/second.txt',
        '--json',
        '--url',
        'https://example.org/story',
      ])
      expect(JSON.parse(result.stdout).url).toBe('https://example.org/story')
      const bad = await run(['extract', 'pages/second.txt', '--url', 'javascript:alert(1)'])
      expect(bad.code).toBe(2)
    })

    it('prints a readable summary without --json', async () => {
      const result = await run(['extract', 'pages/second.txt'])
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^File: +pages\/second\.txt$/m)
      expect(result.stdout).toMatch(/^Title: /m)
      expect(result.stdout).toMatch(/^Words: +\d+/m)
    })

    it.skipIf(!corpusAvailable(SEED))('extracts the seed page (corpus present)', async () => {
      const result = await run(['extract', SEED, '--json'])
      expect(result.code).toBe(0)
      const article = JSON.parse(result.stdout) as { file: string; contentText: string; wordCount: number }
      expect(article.file).toBe(SEED)
      expect(article.wordCount).toBeGreaterThan(100)
      expect(article.contentText).toContain('Vance')
    })
  })

  describe('with an archive', () => {
    let firstId = 0

    it('imports files and folders, a line per file, and exits 1 when one failed', async () => {
      const result = await runInArchive(['import', 'pages/first.txt', 'pages/empty.txt'])
      expect(result.code).toBe(1)
      const lines = result.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/^imported #\d+: /)
      firstId = Number(/#(\d+)/.exec(lines[0] as string)?.[1])
      expect(lines[1]).toMatch(/^failed: pages\/empty\.txt: \S/)
      expect(lines[1]).not.toContain(root)
      expect(result.stderr).toContain('1 failed')
      expect(result.stderr).toContain(`lectern: a new archive was made at ${archiveDir}\n`)
      expect(existsSync(join(archiveDir, 'lectern.sqlite'))).toBe(true)
    })

    it('accounts for every file of a folder: skipped ones with their reasons, folders not entered', async () => {
      const dir = join(root, 'mixed')
      await mkdir(join(dir, 'sub', 'deeper'), { recursive: true })
      await mkdir(join(dir, 'other'))
      await writeFile(
        join(dir, 'LICENSE'),
        'MIT License\n\nPermission is hereby granted, free of charge, to any person',
      )
      await writeFile(join(dir, 'gold.json'), '{"title": "Second story"}')
      await writeFile(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      const result = await runInArchive(['import', 'mixed'])
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(
        [
          'skipped: mixed/LICENSE: a licence text, not a saved page',
          'skipped: mixed/gold.json: JSON data, not a CSL-JSON reference list',
          'skipped: mixed/photo.png: an image (.png), not a page',
          '',
        ].join('\n'),
      )
      expect(result.stderr).toBe(
        '0 items imported, 0 duplicates, 0 failed, 3 skipped (1 licence text, 1 data file, 1 image)\n' +
          '2 folders were not entered; use --recursive\n',
      )
      const json = await runInArchive(['import', 'mixed', '--json'])
      const report = JSON.parse(json.stdout) as Record<string, unknown> & { items: Record<string, unknown>[] }
      expect(report).toMatchObject({
        skipped: 3,
        skippedByReason: { licence: 1, data: 1, image: 1 },
        foldersNotEntered: [join(dir, 'other'), join(dir, 'sub')],
      })
      expect(report.items[2]).toEqual({
        file: join(dir, 'photo.png'),
        status: 'skipped',
        skipReason: 'image',
        reason: 'an image (.png), not a page',
      })
      const onlyFolders = await runInArchive(['import', 'mixed/sub'])
      expect(onlyFolders.stderr).toBe(
        '0 items imported, 0 duplicates, 0 failed\n1 folder was not entered; use --recursive\n',
      )
    })

    it('reports duplicates and imports folders recursively', async () => {
      const again = await runInArchive(['import', 'pages/first.txt'])
      expect(again.code).toBe(0)
      expect(again.stdout.trim()).toBe(`duplicate of #${firstId} (same file): pages/first.txt`)
      const folder = await runInArchive(['import', 'pages', '--recursive', '--json'])
      const report = JSON.parse(folder.stdout) as {
        imported: number
        duplicates: number
        items: { file: string }[]
      }
      expect(report.imported).toBe(2)
      expect(report.duplicates).toBe(1)
      expect(report.items.map((item) => item.file).join(' ')).toContain('third.txt')
    })

    it('shows progress on a terminal and keeps stdout to one line per file', async () => {
      const captured = capture(root)
      captured.io.stderr.isTTY = true
      await writeFile(
        join(root, 'pages', 'fourth.txt'),
        'Fourth story\n\nA longer paragraph about grain exports and ports.\n',
      )
      const code = await runCli(['import', 'pages/fourth.txt', '--archive', 'archive-progress'], captured.io)
      expect(code).toBe(0)
      expect(captured.stdout()).toMatch(/^imported #\d+: .*\n$/)
      expect(captured.stderr()).toContain('Importing 1/1: pages/fourth.txt')
      expect(captured.stderr()).toContain('\r\u001b[K')
    })

    it('lists articles as a JSON array of summaries', async () => {
      const result = await runInArchive(['list', '--json'])
      expect(result.code).toBe(0)
      const items = JSON.parse(result.stdout) as Record<string, unknown>[]
      expect(items).toHaveLength(3)
      expect(Object.keys(items[0] ?? {}).slice(0, SUMMARY_FIELDS.length)).toEqual([...SUMMARY_FIELDS])
      const limited = JSON.parse(
        (await runInArchive(['list', '--json', '--limit', '1', '--offset', '1'])).stdout,
      )
      expect(limited).toHaveLength(1)
      const text = await runInArchive(['list'])
      expect(text.stdout.trim().split('\n')).toHaveLength(3)
    })

    it('exits 3 for an article that is not there, without a stack trace', async () => {
      const result = await runInArchive(['show', '99999'])
      expect(result.code).toBe(3)
      expect(result.stderr).toMatch(/^lectern: .*99999/)
      expect(result.stderr).not.toContain('    at ')
      const json = await runInArchive(['show', '99999', '--json'])
      expect(json.code).toBe(3)
      expect(JSON.parse(json.stdout).error).toEqual({
        code: 'not-found',
        message: expect.stringContaining('99999'),
      })
    })

    it('pages through --limit beyond what one call returns', async () => {
      const result = await runInArchive(['list', '--json', '--limit', '5000'])
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toHaveLength(3)
    })

    it('shows one article with every stored field', async () => {
      const result = await runInArchive(['show', `#${firstId}`, '--json'])
      expect(result.code).toBe(0)
      const article = JSON.parse(result.stdout) as Record<string, unknown>
      expect(article.id).toBe(firstId)
      for (const field of ['contentHtml', 'contentText', 'originalSha256', 'sourceName', 'rights', 'tags']) {
        expect(article, field).toHaveProperty(field)
      }
      const text = await runInArchive(['show', String(firstId)])
      expect(text.stdout).toContain(`#${firstId} `)
      expect(text.stdout).toContain('прибывает в Баку с визитом')
    })

    it('tags and untags articles, and lists by tag', async () => {
      const tagged = await runInArchive(['tag', String(firstId), '--add', 'кавказ', '--add', 'usa', '--json'])
      expect(tagged.code).toBe(0)
      expect(JSON.parse(tagged.stdout)).toEqual({ changed: 1 })
      const byTag = JSON.parse((await runInArchive(['list', '--tag', 'кавказ', '--json'])).stdout) as {
        id: number
        tags: string[]
      }[]
      expect(byTag.map((item) => item.id)).toEqual([firstId])
      expect(byTag[0]?.tags).toEqual(expect.arrayContaining(['кавказ', 'usa']))
      const removed = await runInArchive(['tag', String(firstId), '--remove', 'usa'])
      expect(removed.stdout.trim()).toBe('1 article changed')
      const nothing = await runInArchive(['tag', String(firstId)])
      expect(nothing.code).toBe(2)
      const missing = await runInArchive(['tag', '424242', '--add', 'x'])
      expect(missing.code).toBe(3)
      expect(missing.stderr).toContain('424242')
    })

    it('searches with plain-text snippets and highlight offsets', async () => {
      const result = await runInArchive(['search', 'визит', '--json'])
      expect(result.code).toBe(0)
      const hits = JSON.parse(result.stdout) as {
        id: number
        snippet: string
        highlights: [number, number][]
        score: number
      }[]
      expect(hits.map((hit) => hit.id)).toContain(firstId)
      expect(hits.some((hit) => hit.highlights.length > 0)).toBe(true)
      for (const hit of hits) {
        expect(Object.keys(hit)).toEqual([
          'id',
          'title',
          'siteName',
          'publishedAt',
          'snippet',
          'highlights',
          'score',
        ])
        expect(hit.snippet.includes(MATCH_START) || hit.snippet.includes(MATCH_END)).toBe(false)
        for (const [start, end] of hit.highlights) expect(end).toBeGreaterThan(start)
      }
    })

    it('tells where the archive is', async () => {
      const result = await runInArchive(['info', '--json'])
      expect(result.code).toBe(0)
      const info = JSON.parse(result.stdout) as Record<string, unknown>
      expect(Object.keys(info)).toEqual(['path', 'articleCount', 'schemaVersion', 'version'])
      expect(info.path).toBe(archiveDir)
      expect(info.articleCount).toBe(3)
    })

    it('uses LECTERN_ARCHIVE when --archive is absent', async () => {
      const result = await run(['info', '--json'], { LECTERN_ARCHIVE: archiveDir })
      expect(JSON.parse(result.stdout).path).toBe(archiveDir)
    })

    it('serves the archive over HTTP until stopped', async () => {
      const stop = new AbortController()
      const captured = capture(root, { LECTERN_RENDERER_DIR: join(root, 'no-renderer') }, stop.signal)
      const serving = runCli(['serve', '--no-open', '--archive', 'archive'], captured.io)
      for (let attempt = 0; attempt < 500 && !captured.stdout().includes('Ctrl+C'); attempt++) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 10))
      }
      const [first, second] = captured.stdout().trim().split('\n')
      const match = /^Lectern is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(first ?? '')
      expect(match, captured.stdout()).not.toBeNull()
      expect(second).toBe('Press Ctrl+C to stop.')
      const response = await fetch(`${match?.[1]}/api/info`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Lectern-Token': decodeURIComponent(match?.[2] ?? ''),
        },
        body: '{}',
      })
      expect(await response.json()).toMatchObject({ ok: true, result: { articleCount: 3 } })
      stop.abort()
      expect(await serving).toBe(0)
    })

    it('says in plain words that a port is taken', async () => {
      const taken = createServer()
      await new Promise<void>((resolveListen) => taken.listen(0, '127.0.0.1', resolveListen))
      const port = (taken.address() as AddressInfo).port
      try {
        const result = await run(['serve', '--no-open', '--port', String(port), '--archive', 'archive'], {
          LECTERN_RENDERER_DIR: join(root, 'no-renderer'),
        })
        expect(result.code).toBe(1)
        expect(result.stderr).toContain(
          `lectern: port ${port} is already in use by another program; choose another with --port N`,
        )
        expect(result.stderr).not.toContain('EADDRINUSE')
      } finally {
        await new Promise((resolveClose) => taken.close(resolveClose))
      }
    })

    it('deletes articles, a line per ID, and exits 3 naming the ones not found', async () => {
      await writeFile(join(root, 'pages', 'doomed.txt'), 'Doomed story\n\nA paragraph that will not stay.\n')
      const imported = await runInArchive(['import', 'pages/doomed.txt'])
      const id = Number(/#(\d+)/.exec(imported.stdout)?.[1])
      const result = await runInArchive(['delete', String(id), '999999'])
      expect(result.code).toBe(3)
      expect(result.stdout).toBe(`deleted #${id}: Doomed story\nnot found: #999999\n`)
      expect(result.stderr).toBe('lectern: no article #999999 in the archive\n')
      expect((await runInArchive(['show', String(id)])).code).toBe(3)
      const again = await runInArchive(['delete', String(id), '--json'])
      expect(again.code).toBe(3)
      expect(JSON.parse(again.stdout)).toEqual({
        deleted: [],
        notFound: [id],
        error: { code: 'not-found', message: `no article #${id} in the archive` },
      })
      expect((await runInArchive(['delete'])).code).toBe(2)
      const info = JSON.parse((await runInArchive(['info', '--json'])).stdout) as { articleCount: number }
      expect(info.articleCount).toBe(3)
    })

    it('deletes with --json: the deleted IDs, nothing not found', async () => {
      await writeFile(join(root, 'pages', 'doomed-too.txt'), 'Another doomed story\n\nGone soon.\n')
      const id = Number(/#(\d+)/.exec((await runInArchive(['import', 'pages/doomed-too.txt'])).stdout)?.[1])
      const result = await runInArchive(['delete', `#${id}`, String(id), '--json'])
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toEqual({ deleted: [id], notFound: [] })
    })
  })
})
