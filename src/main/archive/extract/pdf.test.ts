import { describe, expect, it } from 'vitest'
import { buildPdf, type TextLine } from '../../../../tests/fixtures/pdf/build-pdf'
import { ExtractError, extractDocument } from './index'
import { pdfDateToIso } from './pdf'

/** Lays out text lines top-down from y = 700, 14 pt apart, with a header and a page number on each page. */
function page(number: number, body: Array<string | { heading: string } | { indent: string }>): TextLine[] {
  const lines: TextLine[] = [{ text: 'Journal of Harbour Studies, vol. 3', x: 72, y: 760, size: 9 }]
  let y = 700
  for (const entry of body) {
    if (typeof entry === 'string') {
      lines.push({ text: entry, x: 72, y, size: 11 })
      y -= 14
    } else if ('heading' in entry) {
      y -= 10
      lines.push({ text: entry.heading, x: 72, y, size: 16 })
      y -= 24
    } else {
      lines.push({ text: entry.indent, x: 90, y, size: 11 })
      y -= 14
    }
  }
  lines.push({ text: String(number), x: 300, y: 40, size: 9 })
  return lines
}

const TWO_PAGE_PAPER = buildPdf(
  [
    page(1, [
      { heading: 'Tides and Trade' },
      { indent: 'Ports along the coast reopened on Monday after three days of' },
      'closures, and the first ships reached the docks before noon. The har-',
      'bour master said the channel had been checked overnight.',
      { indent: 'Fishermen were the first to leave, followed by the ferries that' },
      'connect the islands to the mainland.',
      { heading: 'What comes next' },
      { indent: 'Engineers will inspect the breakwater during the coming week and' },
      'report to the council, which meets again on',
    ]),
    page(2, [
      'Thursday to decide on repairs.',
      { indent: 'Traders expect prices to settle once the backlog is cleared.' },
    ]),
  ],
  {
    info: {
      Title: 'Tides and Trade',
      Author: 'Maria Lopez and Tom Baker',
      Subject: 'How the ports reopened after the storm',
      CreationDate: "D:20260301093000+01'00'",
    },
  },
)

async function failure(promise: Promise<unknown>): Promise<ExtractError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ExtractError) return error
    throw error
  }
  throw new Error('expected an ExtractError')
}

describe('extractDocument: PDF', () => {
  it('reads paragraphs, headings and metadata, dropping running headers and page numbers', async () => {
    const article = await extractDocument({ name: 'paper.pdf', bytes: TWO_PAGE_PAPER })
    expect(article.format).toBe('pdf')
    expect(article.title).toBe('Tides and Trade')
    expect(article.authors).toEqual(['Maria Lopez', 'Tom Baker'])
    expect(article.publishedAt).toBe('2026-03-01T09:30:00+01:00')
    expect(article.excerpt).toBe('How the ports reopened after the storm')
    expect(article.language).toBe('en')
    expect(article.contentText.split('\n\n')).toEqual([
      'Ports along the coast reopened on Monday after three days of closures, and the first ships reached the docks before noon. The harbour master said the channel had been checked overnight.',
      'Fishermen were the first to leave, followed by the ferries that connect the islands to the mainland.',
      'What comes next',
      'Engineers will inspect the breakwater during the coming week and report to the council, which meets again on Thursday to decide on repairs.',
      'Traders expect prices to settle once the backlog is cleared.',
    ])
    expect(article.contentHtml).toContain('<h2>What comes next</h2>')
    expect(article.contentHtml).toMatch(/^<p>Ports along the coast/)
    expect(article.contentText).not.toMatch(/Journal of Harbour Studies/)
    expect(article.wordCount).toBeGreaterThan(50)
  })

  it('drops footers that repeat with a changing page number, and roman page numbers', async () => {
    const sentences = [
      'The first ships reached the docks before noon on Monday.',
      'Fishermen were the first to leave the harbour that morning.',
      'Traders expect prices to settle once the backlog is cleared.',
    ]
    const pages = sentences.map((sentence, index) => [
      { text: sentence, x: 72, y: 700, size: 11 },
      { text: `Harbour Review, page ${index + 1} of 3`, x: 72, y: 60, size: 9 },
      { text: ['i', 'ii', 'iii'][index] ?? '', x: 300, y: 40, size: 9 },
    ])
    pages[2]?.unshift({ text: 'Civil', x: 72, y: 740, size: 11 })
    const article = await extractDocument({ name: 'review.pdf', bytes: buildPdf(pages) })
    expect(article.contentText.split('\n\n')).toEqual([sentences[0], sentences[1], 'Civil', sentences[2]])
  })

  it('reads text through a ToUnicode map and detects its language', async () => {
    const pdf = buildPdf(
      [
        [
          { text: 'Мост через реку откроют весной', x: 72, y: 700, size: 18 },
          {
            text: 'Строительство нового моста через реку почти завершено, сообщили',
            x: 72,
            y: 660,
            size: 11,
          },
          {
            text: 'в администрации области во вторник. Движение по мосту планируют',
            x: 72,
            y: 646,
            size: 11,
          },
          {
            text: 'открыть в апреле, если погода позволит закончить работы вовремя.',
            x: 72,
            y: 632,
            size: 11,
          },
        ],
      ],
      { cyrillic: true },
    )
    const article = await extractDocument({ name: 'мост.pdf', bytes: pdf })
    expect(article.title).toBe('Мост через реку откроют весной')
    expect(article.language).toBe('ru')
    expect(article.contentText).toMatch(/^Строительство нового моста .* вовремя\.$/)
    expect(article.authors).toEqual([])
    expect(article.publishedAt).toBeNull()
  })

  it('names the file when a PDF is damaged or has no text', async () => {
    const truncated = TWO_PAGE_PAPER.subarray(0, 300)
    const broken = await failure(extractDocument({ name: 'broken.pdf', bytes: truncated }))
    expect(broken.message).toMatch(/^broken\.pdf: the PDF is damaged/)
    const garbage = await failure(
      extractDocument({ name: 'x.pdf', bytes: Buffer.from('%PDF-1.7\nnothing here') }),
    )
    expect(garbage.message).toMatch(/^x\.pdf: the PDF is damaged/)
    const blank = await failure(extractDocument({ name: 'scan.pdf', bytes: buildPdf([[]]) }))
    expect(blank.message).toMatch(/^scan\.pdf: the PDF has no text layer/)
  })

  it('does not take a .pdf name for a PDF', async () => {
    const article = await extractDocument({
      name: 'notes.pdf',
      bytes: Buffer.from('Plain notes saved with the wrong name.\n\nThey are still readable as text here.'),
    })
    expect(article.format).toBe('text')
  })
})

describe('pdfDateToIso', () => {
  it('keeps the date as stated', () => {
    expect(pdfDateToIso("D:20260301093000+01'00'")).toBe('2026-03-01T09:30:00+01:00')
    expect(pdfDateToIso('D:20260301093000Z')).toBe('2026-03-01T09:30:00Z')
    expect(pdfDateToIso('D:202603011230')).toBe('2026-03-01T12:30')
    expect(pdfDateToIso('D:20260301')).toBe('2026-03-01')
    expect(pdfDateToIso('D:2026')).toBe('2026')
    expect(pdfDateToIso('yesterday')).toBeNull()
    expect(pdfDateToIso(null)).toBeNull()
  })
})
