import { describe, expect, it } from 'vitest'
import { EXPORT_KINDS, exportFileName, htmlDocument } from './citeExport'

describe('exportFileName', () => {
  it('names each format after the list', () => {
    expect(EXPORT_KINDS.map((kind) => exportFileName('Thesis sources', kind.format))).toEqual([
      'Thesis-sources.bib',
      'Thesis-sources-biblatex.bib',
      'Thesis-sources.ris',
      'Thesis-sources.json',
      'Thesis-sources.html',
      'Thesis-sources.md',
    ])
  })

  it('keeps Cyrillic and drops characters file systems forbid', () => {
    expect(exportFileName('Источники: глава 2/3', 'ris')).toBe('Источники-глава-2-3.ris')
    expect(exportFileName('a<b>c|d?*"e', 'bibtex')).toBe('a-b-c-d-e.bib')
    expect(exportFileName('../..\\secret', 'markdown')).toBe('secret.md')
  })

  it('falls back to a neutral name and avoids reserved device names', () => {
    expect(exportFileName('  ...  ', 'html')).toBe('citations.html')
    expect(exportFileName('CON', 'csl-json')).toBe('CON-list.json')
  })

  it('limits the length', () => {
    expect(exportFileName('x'.repeat(300), 'bibtex')).toBe(`${'x'.repeat(80)}.bib`)
  })
})

describe('htmlDocument', () => {
  it('escapes the title and declares the language and encoding', () => {
    const page = htmlDocument('<List & co>', '<div class="csl-entry">A</div>', 'ru')
    expect(page).toContain('<html lang="ru">')
    expect(page).toContain('<meta charset="utf-8">')
    expect(page).toContain('<title>&lt;List &amp; co&gt;</title>')
    expect(page).toContain('<div class="csl-entry">A</div>')
  })
})
