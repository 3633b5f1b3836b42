import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oneAuthor, twoAuthors } from '../../../tests/support/cite-items'
import { runCli } from '../cli'
import { SEED_FIXTURE } from '../../../tests/support/paths'

const SEED = SEED_FIXTURE

const STYLES = [
  'gost-r-7.0.100-2018',
  'gost-r-7.0.5-2008-notes',
  'apa',
  'mla',
  'chicago-author-date',
  'chicago-note-bibliography',
  'harvard',
  'ieee',
]

let root: string

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    cwd: root,
  })
  return { code, stdout, stderr }
}

const inArchive = (argv: string[]) => run([...argv, '--archive', 'archive'])

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-cite-cli-'))
  await writeFile(join(root, 'items.json'), JSON.stringify([oneAuthor, twoAuthors], null, 2))
  await writeFile(
    join(root, 'refs.bib'),
    '@online{smith2025,\n  author = {Smith, John},\n  title = {Energy security in the Caspian region},\n' +
      '  date = {2025-09-01},\n  url = {https://www.atlanticcouncil.org/energy-caspian/},\n  urldate = {2026-11-27}\n}\n',
  )
  await writeFile(
    join(root, 'second.txt'),
    'Regional trade outlook\n\nPorts and corridors matter more each year, the analysts say.\n',
  )
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('lectern cite --input (no archive)', () => {
  it('formats CSL-JSON items in GOST R 7.0.100-2018, ru-RU', async () => {
    const result = await run([
      'cite',
      '--input',
      'items.json',
      '--style',
      'gost-r-7.0.100-2018',
      '--locale',
      'ru-RU',
    ])
    expect(result).toEqual({
      code: 0,
      stdout:
        'Иванов, И. И. Транспортные коридоры Южного Кавказа / И. И. Иванов, А. С. Петрова. – Текст : электронный // Российская газета : [сайт]. – 2025. – 15 марта. – URL: https://rg.ru/2025/03/15/koridory.html (дата обращения: 27.11.2026).\n' +
        'Doe, J. What Vance’s trip means for regional cooperation : Reassessing the South Caucasus / J. Doe. – Текст : электронный // Caliber.az : [сайт]. – 2026. – 7 февр. – URL: https://caliber.az/en/post/vance-trip (дата обращения: 27.11.2026).\n',
      stderr: '',
    })
  })

  it('formats them in APA, en-US, which is also the default', async () => {
    const expected =
      'Doe, J. (2026, February 7). What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. Caliber.az. https://caliber.az/en/post/vance-trip\n' +
      'Иванов, И. И., & Петрова, А. С. (2025, March 15). Транспортные коридоры Южного Кавказа. Российская газета. https://rg.ru/2025/03/15/koridory.html\n'
    expect(await run(['cite', '--input', 'items.json', '--style', 'apa', '--locale', 'en-US'])).toEqual({
      code: 0,
      stdout: expected,
      stderr: '',
    })
    expect((await run(['cite', '--input', 'items.json'])).stdout).toBe(expected)
  })

  it('reads BibTeX too, and reports missing fields on stderr', async () => {
    const result = await run(['cite', '--input', 'refs.bib', '--style', 'harvard'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'Smith, J. (2025) Energy security in the Caspian region. Available at: https://www.atlanticcouncil.org/energy-caspian/ (Accessed: 27 November 2026).\n',
    )
    expect(result.stderr).toBe('')
    const noUrl = join(root, 'no-url.json')
    await writeFile(noUrl, JSON.stringify([{ id: 'a', type: 'webpage', title: 'Untraceable' }]))
    const warned = await run(['cite', '--input', noUrl])
    expect(warned.stdout).toBe('Untraceable. (n.d.).\n')
    expect(warned.stderr.split('\n')).toEqual([
      expect.stringMatching(/^warning: item "a": no author/),
      expect.stringMatching(/^warning: item "a": no publication date/),
      expect.stringMatching(/^warning: item "a": no URL/),
      '',
    ])
  })

  it('names the file when it cannot be read or is not references', async () => {
    const missing = await run(['cite', '--input', 'nowhere.json'])
    expect(missing.code).toBe(3)
    expect(missing.stderr).toBe(
      `lectern: ${join(root, 'nowhere.json')}: cannot be read: no such file or folder (or a link to one that is gone)\n`,
    )
    const notes = join(root, 'notes.txt')
    await writeFile(notes, 'plain words')
    const wrong = await run(['cite', '--input', notes])
    expect(wrong).toEqual({
      code: 1,
      stdout: '',
      stderr: `lectern: ${notes}: not a BibTeX, RIS or CSL-JSON file\n`,
    })
  })
})

describe('lectern cite with an archive', () => {
  let seedId: number
  let secondId: number

  beforeAll(async () => {
    const imported = await inArchive(['import', SEED, 'second.txt', '--json'])
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.stdout) as { items: { id: number }[] }
    ;[seedId, secondId] = report.items.map((item) => item.id) as [number, number]
  })

  it('formats articles by ID', async () => {
    const apa = await inArchive(['cite', String(seedId)])
    expect(apa.code).toBe(0)
    expect(apa.stdout).toBe(
      'What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. (2026, February 7). Caliber.az.\n',
    )
    expect(apa.stderr).toContain(`warning: #${seedId}: no URL`)

    const gost = await inArchive([
      'cite',
      String(seedId),
      '--style',
      'gost-r-7.0.100-2018',
      '--locale',
      'ru-RU',
    ])
    expect(gost.code).toBe(0)
    expect(gost.stdout).toMatch(
      /^What Vance’s trip means for regional cooperation : Reassessing the South Caucasus\. – Текст : электронный \/\/ Caliber\.az : \[сайт\]\. – 2026\. – 7 февр\..*\n$/,
    )
    const both = await inArchive(['cite', String(secondId), `#${seedId}`])
    expect(both.stdout.split('\n')).toHaveLength(3)

    const missing = await inArchive(['cite', '999'])
    expect(missing).toMatchObject({ code: 3, stdout: '', stderr: 'lectern: no article with id 999\n' })
  })

  it('prints the in-text citation or note of each ID in the order given with --citations', async () => {
    const ieee = await inArchive([
      'cite',
      String(secondId),
      String(seedId),
      String(secondId),
      '--citations',
      '--style',
      'ieee',
    ])
    expect(ieee).toMatchObject({ code: 0, stdout: '[1]\n[2]\n[1]\n' })

    const notes = await inArchive([
      'cite',
      String(seedId),
      String(seedId),
      '--citations',
      '--style',
      'gost-r-7.0.5-2008-notes',
      '--locale',
      'ru-RU',
    ])
    expect(notes.code).toBe(0)
    const [first, repeat] = notes.stdout.trimEnd().split('\n')
    expect(first).toMatch(/^What Vance’s trip means for regional cooperation/)
    // The seed is in English: GOST repeats an English work as "Ibid." (a Russian one as "Там же.").
    expect(repeat).toBe('Ibid.')

    const fromFile = await run(['cite', '--input', 'items.json', '--citations', '--style', 'apa'])
    expect(fromFile.code).toBe(0)
    expect(fromFile.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^\(.*\)$/),
      expect.stringMatching(/^\(.*\)$/),
    ])

    const asBibtex = await inArchive(['cite', String(seedId), '--citations', '--format', 'bibtex'])
    expect(asBibtex.code).toBe(2)
    expect(asBibtex.stderr).toContain('--citations prints text, html or markdown')
  })

  it('builds lists with list-add, shows them with lists, and cites a list by name', async () => {
    const added = await inArchive(['list-add', 'Thesis', String(secondId), String(seedId), '--json'])
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Thesis', created: true, added: 2, count: 2 })
    const again = await inArchive(['list-add', 'thesis', String(seedId)])
    expect(again.stdout).toBe('Added 0 articles to "Thesis" (now 2 articles).\n')

    const lists = await inArchive(['lists', '--json'])
    expect(JSON.parse(lists.stdout)).toEqual([
      expect.objectContaining({ name: 'Thesis', count: 2, style: 'apa', locale: 'en-US' }),
    ])
    expect((await inArchive(['lists'])).stdout).toMatch(/^#\d+\tThesis\t2 articles\tapa\ten-US\n$/)

    const cited = await inArchive(['cite', '--list', 'THESIS'])
    expect(cited.code).toBe(0)
    expect(cited.stdout.split('\n')).toEqual([
      'Regional trade outlook. (n.d.).',
      'What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. (2026, February 7). Caliber.az.',
      '',
    ])
    const unknown = await inArchive(['cite', '--list', 'Nope'])
    expect(unknown).toMatchObject({
      code: 3,
      stderr: 'lectern: no citation list named "Nope" (lists: "Thesis")\n',
    })
  })

  it('writes every format', async () => {
    const ids = [String(seedId), String(secondId)]
    const as = async (format: string) => {
      const result = await inArchive(['cite', ...ids, '--format', format])
      expect(result.code, format).toBe(0)
      return result.stdout
    }
    expect((await as('text')).split('\n')).toHaveLength(3)
    const html = await as('html')
    expect(html).toMatch(
      /^<div class="csl-bib-body">\n<div class="csl-entry">.*<\/div>\n<div class="csl-entry">.*<\/div>\n<\/div>\n$/,
    )
    expect(html).toContain('<i>Caliber.az</i>')
    const markdown = await as('markdown')
    expect(markdown.split('\n\n')).toHaveLength(2)
    expect(markdown).toContain('*Caliber.az*')
    const bibtex = await as('bibtex')
    expect(bibtex.match(/^@\w+\{/gm)).toHaveLength(2)
    expect(bibtex).toContain('journal  = {Caliber.az}')
    const biblatex = await as('biblatex')
    expect(biblatex.match(/^@\w+\{/gm)).toHaveLength(2)
    expect(biblatex).toContain('date')
    const ris = await as('ris')
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2)
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(2)
    const items = JSON.parse(await as('csl-json')) as { id: string; title: string }[]
    expect(items.map((item) => item.id)).toEqual(ids)
    expect(items[0]!.title).toBe('What Vance’s trip means for regional cooperation')
  })

  it('lists the styles', async () => {
    const json = await inArchive(['styles', '--json'])
    const styles = JSON.parse(json.stdout) as { id: string; builtIn: boolean }[]
    expect(styles.map((style) => style.id)).toEqual(STYLES)
    expect(styles.every((style) => style.builtIn)).toBe(true)
    const plain = await inArchive(['styles'])
    expect(plain.stdout).toMatch(/^gost-r-7\.0\.100-2018 +\S/)
    expect(plain.stdout.split('\n')).toHaveLength(STYLES.length + 1)
  })
})

describe('lectern cite usage errors', () => {
  it('refuses an unknown style with the available ids (exit 2)', async () => {
    for (const argv of [
      ['cite', '--input', 'items.json', '--style', 'vancouver'],
      ['cite', '1', '--style', 'vancouver', '--archive', 'archive'],
    ]) {
      const result = await run(argv)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toBe(
        `lectern: unknown style "vancouver"; available: ${STYLES.join(', ')}\nRun "lectern cite --help" for usage.\n`,
      )
    }
  })

  it('refuses a bad format or locale, and no source or two sources', async () => {
    const format = await run(['cite', '--input', 'items.json', '--format', 'docx'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain(
      'unknown format "docx" (use text, html, markdown, bibtex, biblatex, ris, csl-json)',
    )
    const locale = await run(['cite', '--input', 'items.json', '--locale', 'de-DE'])
    expect(locale.code).toBe(2)
    expect(locale.stderr).toContain('unknown locale "de-DE" (use en-US or ru-RU)')
    expect((await run(['cite'])).code).toBe(2)
    expect((await run(['cite', '1', '--input', 'items.json'])).code).toBe(2)
    expect((await run(['list-add', 'Only a name'])).code).toBe(2)
  })

  it('documents the commands in --help', async () => {
    const help = await run(['--help'])
    for (const command of ['cite', 'lists', 'list-add', 'styles'])
      expect(help.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`))
    const cite = await run(['cite', '--help'])
    expect(cite.stdout).toContain('Usage: lectern cite [ID...|--list NAME|--input FILE]')
    expect(cite.stdout).toContain('--format FORMAT  text, html, markdown, bibtex, biblatex, ris, csl-json')
  })
})
