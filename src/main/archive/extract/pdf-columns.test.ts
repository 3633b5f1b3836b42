import { describe, expect, it } from 'vitest'
import { buildPdf, type TextLine } from '../../../../tests/fixtures/pdf/build-pdf'
import { extractDocument } from './index'

type ColumnEntry = string | { heading: string } | { indent: string }

/** One column's lines top-down from `top`: 10 pt text 12 pt apart, 14 pt headings, 12 pt indents. */
function column(x: number, top: number, body: readonly ColumnEntry[]): TextLine[] {
  const lines: TextLine[] = []
  let y = top
  for (const entry of body) {
    if (typeof entry === 'string') {
      lines.push({ text: entry, x, y, size: 10 })
      y -= 12
    } else if ('heading' in entry) {
      y -= 6
      lines.push({ text: entry.heading, x, y, size: 14 })
      y -= 18
    } else {
      lines.push({ text: entry.indent, x: x + 12, y, size: 10 })
      y -= 12
    }
  }
  return lines
}

/** Line by line, alternating between the columns: the content-stream order some exporters write. */
function interleave(...columns: ReadonlyArray<readonly TextLine[]>): TextLine[] {
  const rows = Math.max(...columns.map((lines) => lines.length))
  return Array.from({ length: rows }, (_, row) => columns.flatMap((lines) => lines[row] ?? [])).flat()
}

/** Lines of different columns written at the same height must never come out as one line. */
function expectNoMergedRows(text: string, columns: ReadonlyArray<readonly TextLine[]>): void {
  const all = columns.flat()
  for (const line of all) {
    for (const other of all) {
      if (line !== other && line.y === other.y && line.x < other.x)
        expect(text).not.toContain(`${line.text} ${other.text}`)
    }
  }
}

const LEFT = 56
const RIGHT = 316
const HEADER: TextLine = { text: 'Journal of Harbour Studies, vol. 3', x: LEFT, y: 750, size: 9 }
const pageNumber = (number: number): TextLine => ({ text: String(number), x: 300, y: 40, size: 9 })

describe('extractDocument: PDF pages in columns', () => {
  it('reads two columns one after the other when the content stream alternates between them', async () => {
    const firstLeft = column(LEFT, 700, [
      { indent: 'Tide gauges along the northern shore have' },
      'recorded the sea level every hour since',
      '1985, and the series shows a steady rise',
      'of about three millimetres a year.',
      { indent: 'The sharpest change followed the dredging' },
      'of the main channel, which let larger',
      'waves reach the inner basin and raised the',
      'mean level at the pier by several centi-',
    ])
    const firstRight = column(RIGHT, 700, [
      'metres within a single winter season.',
      { heading: 'Effects on trade' },
      { indent: 'Fish markets on the quay now open an hour' },
      'later on days with a spring tide, because',
      'the lower stalls are flooded at dawn.',
      { indent: 'Ferry operators have moved two sailings' },
      'to keep clear of the highest water, and',
      'the port authority is studying a new',
    ])
    // Page two: the right column sits 6 pt lower and is written first, bottom line first.
    const secondLeft = column(LEFT, 700, [
      'floating pontoon for the smaller boats.',
      { indent: 'Insurers expect claims to rise as well,' },
      'although no figures have been published.',
    ])
    const secondRight = column(RIGHT, 694, [
      { heading: 'Next steps' },
      { indent: 'The council will vote on the pontoon' },
      'plan in the spring and publish its report.',
    ])
    const pdf = buildPdf([
      [HEADER, ...interleave(firstLeft, firstRight), pageNumber(1)],
      [HEADER, ...[...secondRight].reverse(), ...secondLeft, pageNumber(2)],
    ])
    const article = await extractDocument({ name: 'tides.pdf', bytes: pdf })
    expect(article.contentText.split('\n\n')).toEqual([
      'Tide gauges along the northern shore have recorded the sea level every hour since 1985, and the series shows a steady rise of about three millimetres a year.',
      'The sharpest change followed the dredging of the main channel, which let larger waves reach the inner basin and raised the mean level at the pier by several centimetres within a single winter season.',
      'Effects on trade',
      'Fish markets on the quay now open an hour later on days with a spring tide, because the lower stalls are flooded at dawn.',
      'Ferry operators have moved two sailings to keep clear of the highest water, and the port authority is studying a new floating pontoon for the smaller boats.',
      'Insurers expect claims to rise as well, although no figures have been published.',
      'Next steps',
      'The council will vote on the pontoon plan in the spring and publish its report.',
    ])
    expect(article.contentHtml).toContain('<h2>Effects on trade</h2>')
    expectNoMergedRows(article.contentText, [firstLeft, firstRight])
  })

  it('keeps a full-width title, abstract and caption in place above and below the columns', async () => {
    const title: TextLine = { text: 'Storm Surges and the Harbour Economy', x: 150, y: 720, size: 18 }
    const authors: TextLine = { text: 'Maria Lopez and Tom Baker', x: 245, y: 696, size: 11 }
    const abstractHeading: TextLine = { text: 'Abstract', x: 283, y: 672, size: 12 }
    const abstract = column(LEFT, 654, [
      'Storm surges have flooded the northern harbour four times in the last decade. We combine',
      'hourly tide gauge records with the accounts of the fish market and the ferry company to',
      'estimate what each flood cost the port, and we find that most of the losses come from the',
      // Short enough to stay clear of the gutter, so it is laid out with the columns below.
      'days after the water has gone down.',
    ])
    const left = column(LEFT, 590, [
      { heading: 'Introduction' },
      { indent: 'The northern harbour handles most of the' },
      'fish landed on this coast, and its quay is',
      'barely a metre above the highest spring',
      'tides. When a storm pushes the sea higher',
      'still, the water spills over the quay and',
      'into the market hall behind it.',
      { indent: 'Until now nobody has counted what these' },
      'floods cost the traders and the port.',
      { indent: 'This paper makes a first estimate from' },
      'the records kept by the harbour office',
      'and by the two largest companies.',
    ])
    const right = column(RIGHT, 590, [
      { heading: 'Data' },
      { indent: 'The harbour office gave us the readings' },
      'of its tide gauge from 2016 to 2025, one',
      'value an hour, with the dates on which',
      'the quay was closed to traffic.',
      { indent: 'The fish market shared its daily sales,' },
      'and the ferry company its timetables and',
      'the sailings it had to cancel; both sets',
      'cover the same ten years as the gauge.',
      { indent: 'We matched the three sources by date and' },
      'kept the days on which all three agree.',
    ])
    const caption: TextLine = {
      text: 'Figure 1. Water level at the northern pier during the surge of March 2026, with the quay marked.',
      x: LEFT,
      y: 300,
      size: 9,
    }
    // Written bottom to top, and the columns line by line: nothing is in reading order.
    const stream = [
      pageNumber(1),
      caption,
      ...interleave(right, left),
      ...[...abstract].reverse(),
      abstractHeading,
      authors,
      title,
    ]
    const article = await extractDocument({ name: 'surges.pdf', bytes: buildPdf([stream]) })
    expect(article.title).toBe('Storm Surges and the Harbour Economy')
    expect(article.contentText.split('\n\n')).toEqual([
      'Maria Lopez and Tom Baker',
      'Abstract',
      abstract.map((line) => line.text).join(' '),
      'Introduction',
      'The northern harbour handles most of the fish landed on this coast, and its quay is barely a metre above the highest spring tides. When a storm pushes the sea higher still, the water spills over the quay and into the market hall behind it.',
      'Until now nobody has counted what these floods cost the traders and the port.',
      'This paper makes a first estimate from the records kept by the harbour office and by the two largest companies.',
      'Data',
      'The harbour office gave us the readings of its tide gauge from 2016 to 2025, one value an hour, with the dates on which the quay was closed to traffic.',
      'The fish market shared its daily sales, and the ferry company its timetables and the sailings it had to cancel; both sets cover the same ten years as the gauge.',
      'We matched the three sources by date and kept the days on which all three agree.',
      caption.text,
    ])
    expectNoMergedRows(article.contentText, [left, right])
  })

  it('reads three columns left to right', async () => {
    const columns = [40, 215, 390].map((x, index) =>
      column(x, 700, [
        { indent: `Column ${['one', 'two', 'three'][index]} opens with a line` },
        'that runs on for a while, then a',
        'second line, and it ends here.',
      ]),
    )
    const article = await extractDocument({
      name: 'newsletter.pdf',
      bytes: buildPdf([interleave(...columns)]),
    })
    expect(article.contentText.split('\n\n')).toEqual(
      ['one', 'two', 'three'].map(
        (name) =>
          `Column ${name} opens with a line that runs on for a while, then a second line, and it ends here.`,
      ),
    )
  })

  it('reads a page of thousands of column lines, with a turned margin stamp kept last', async () => {
    const count = 1000
    const top = count * 12 + 100
    const label = (index: number): string => String(index).padStart(4, '0')
    const left = Array.from({ length: count }, (_, index) => ({
      text: `Gauge reading ${label(index)} was taken at the pier.`,
      x: LEFT,
      y: top - index * 12,
      size: 10,
    }))
    const right = left.map((line, index) => ({
      ...line,
      text: `Market record ${label(index)} was kept by the quay.`,
      x: RIGHT,
    }))
    const stamp: TextLine = {
      text: 'arXiv:2603.01234v1 [physics.ao-ph] 2 Mar 2026',
      x: 30,
      y: top / 2,
      size: 14,
      rotated: true,
    }
    const pdf = buildPdf([[stamp, ...interleave(left, right)]], { pageHeight: top + 100 })
    const article = await extractDocument({ name: 'long.pdf', bytes: pdf })
    expect(article.contentText.split('\n\n')).toEqual([
      left.map((line) => line.text).join(' '),
      right.map((line) => line.text).join(' '),
      stamp.text,
    ])
  })

  it('reads a single-column page with a small table as before, in content-stream order', async () => {
    const prose = [
      'The ports along the coast reopened on Monday after three days',
      'of closures, and the harbour office published the first figures',
      'for the ships that were waiting outside the breakwater.',
      'Most of them were able to unload before the end of the week.',
    ]
    const table = [
      ['Northern harbour basin', 'reopened on Monday morning'],
      ['Southern fishing quay', 'reopened on Tuesday evening'],
      ['Ferry terminal and slipway', 'still closed for inspection'],
    ]
    const lines: TextLine[] = [
      ...prose.slice(0, 3).map((text, index) => ({ text, x: 72, y: 700 - index * 14, size: 11 })),
      ...table.flatMap(([name = '', state = ''], index) => [
        { text: name, x: 72, y: 640 - index * 14, size: 11 },
        { text: state, x: 300, y: 640 - index * 14, size: 11 },
      ]),
      ...prose.slice(3).map((text, index) => ({ text, x: 72, y: 580 - index * 14, size: 11 })),
      { text: 'Storms of this kind used to come once in a generation; the last', x: 72, y: 552, size: 11 },
      { text: 'two arrived within a year, and the harbour office expects more.', x: 72, y: 538, size: 11 },
    ]
    const article = await extractDocument({ name: 'ports.pdf', bytes: buildPdf([lines]) })
    expect(article.contentText.split('\n\n')).toEqual([
      prose.slice(0, 3).join(' '),
      table.flat().join(' '),
      prose[3],
      'Storms of this kind used to come once in a generation; the last two arrived within a year, and the harbour office expects more.',
    ])
  })
  it('reads a code listing with notes beside some lines as before, in content-stream order', async () => {
    const listing: Array<[string, string?]> = [
      ['Header:'],
      ['4 CARD32 MAJOR_VERSION'],
      ['4 CARD32 MINOR_VERSION'],
      ['4 CARD32 ENTRY_COUNT', 'entries in the table below'],
      ['Entry:'],
      ['4 CARD32 NAME_OFFSET'],
      ['4 CARD32 TYPE_OFFSET', 'counted from the file start'],
      ['4 CARD32 WEIGHT'],
      ['4 CARD32 FLAGS', 'bit 8 set when case matters'],
      ['4*N CARD32 CHILD_OFFSETS', 'one for each child entry'],
    ]
    const intro = [
      'Every cache file starts with a header and a table of entries; all numbers',
      'are stored big-endian, and offsets count bytes from the start of the file.',
    ]
    const lines: TextLine[] = [
      ...intro.map((text, index) => ({ text, x: 72, y: 700 - index * 14, size: 10 })),
      ...listing.flatMap(([code, note], index) => [
        { text: code, x: 72, y: 660 - index * 12, size: 9 },
        ...(note ? [{ text: note, x: 330, y: 660 - index * 12, size: 9 }] : []),
      ]),
    ]
    const article = await extractDocument({ name: 'format.pdf', bytes: buildPdf([lines]) })
    expect(article.contentText.split('\n\n')).toEqual([
      intro.join(' '),
      'Header:',
      '4 CARD32 MAJOR_VERSION 4 CARD32 MINOR_VERSION 4 CARD32 ENTRY_COUNT entries in the table below Entry:',
      '4 CARD32 NAME_OFFSET 4 CARD32 TYPE_OFFSET counted from the file start 4 CARD32 WEIGHT 4 CARD32 FLAGS bit 8 set when case matters 4*N CARD32 CHILD_OFFSETS one for each child entry',
    ])
  })
})
