import { describe, expect, it } from 'vitest'
import { buildPdf, type TextLine } from '../../../../tests/fixtures/pdf/build-pdf'
import { PAPER_DOI, PAPER_PARAGRAPHS, journalPaperPdf } from '../../../../tests/fixtures/pdf/paper'
import { readPdfBibliographic } from './bibliographic-pdf'
import { extractDocument } from './index'
import type { Line } from './pdf-lines'

/** Lines of page 1 as the line reader gives them, top-down. */
function pageOne(...texts: string[]): Line[] {
  return texts.map((text, index) => ({
    text,
    x: 72,
    y: 700 - index * 12,
    end: 500,
    size: 10,
    page: 1,
    band: 0,
    column: 0,
    index,
    pageLines: texts.length,
  }))
}

const fromLines = (...texts: string[]) => readPdfBibliographic({ info: {}, xmp: null }, pageOne(...texts))

describe('readPdfBibliographic: citation lines', () => {
  it.each([
    [
      'Europe-Asia Studies, Vol. 76, No. 3, 2024, 412–437',
      { 'container-title': 'Europe-Asia Studies', volume: '76', issue: '3', page: '412-437', year: 2024 },
    ],
    [
      'Journal of Peace Research 2024, Vol. 61(2) 245–260',
      {
        'container-title': 'Journal of Peace Research',
        volume: '61',
        issue: '2',
        page: '245-260',
        year: 2024,
      },
    ],
    [
      'Problems of Post-Communism, vol. 70, no. 2, 2023, pp. 123–135',
      {
        'container-title': 'Problems of Post-Communism',
        volume: '70',
        issue: '2',
        page: '123-135',
        year: 2023,
      },
    ],
    [
      'Journal of Eurasian Studies 12(3): 45–67',
      { 'container-title': 'Journal of Eurasian Studies', volume: '12', issue: '3', page: '45-67' },
    ],
    ['Nature 581, 45–67 (2020)', { 'container-title': 'Nature', volume: '581', page: '45-67', year: 2020 }],
    [
      'Proc. Natl. Acad. Sci. 117(3): 1234–1240',
      { 'container-title': 'Proc. Natl. Acad. Sci.', volume: '117', issue: '3', page: '1234-1240' },
    ],
    [
      'Journal of Hydrology 590 (2020) 125435',
      { 'container-title': 'Journal of Hydrology', volume: '590', year: 2020 },
    ],
    [
      'Вестник Московского университета. Серия 12. Политические науки. 2020. Т. 15, № 2. С. 34–58',
      {
        'container-title': 'Вестник Московского университета. Серия 12. Политические науки',
        volume: '15',
        issue: '2',
        page: '34-58',
        year: 2020,
      },
    ],
    [
      'Полис. Политические исследования. 2020. № 3. С. 8–24',
      { 'container-title': 'Полис. Политические исследования', issue: '3', page: '8-24', year: 2020 },
    ],
  ])('reads "%s" as a journal article', (line, expected) => {
    const { year, ...variables } = expected as Record<string, unknown> & { year?: number }
    expect(fromLines(line)).toEqual({
      type: 'article-journal',
      ...variables,
      ...(year ? { issued: { 'date-parts': [[year]] } } : {}),
    })
  })

  it('reads a journal set on one line and its volume on the next, in the spelling used elsewhere', () => {
    expect(
      fromLines(
        'EUROPE-ASIA STUDIES',
        '2024, VOL. 76, NO. 3, 412–437',
        `https://doi.org/${PAPER_DOI}`,
        'To cite this article: Nino Kvaratskhelia (2024) Frozen No More, Europe-Asia Studies, 76:3, 412-437',
      ),
    ).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: PAPER_DOI,
      issued: { 'date-parts': [[2024]] },
    })
  })

  it('reads a conference paper from its proceedings line', () => {
    expect(
      fromLines(
        'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics, pages 1234–1245',
        'July 5 - 10, 2020. ©2020 Association for Computational Linguistics',
      ),
    ).toEqual({
      type: 'paper-conference',
      'container-title':
        'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics',
      page: '1234-1245',
    })
  })

  it('reads a thesis from its degree statement, with the institution as its publisher', () => {
    expect(
      fromLines(
        'Ceasefire Lines in the South Caucasus',
        'A thesis submitted in partial fulfilment of the requirements',
        'for the degree of Doctor of Philosophy',
        'School of Social and Political Sciences',
        'University of Glasgow',
        'March 2022',
      ),
    ).toEqual({ type: 'thesis', publisher: 'University of Glasgow' })
    expect(
      fromLines(
        'Московский государственный университет имени М. В. Ломоносова',
        'Иванов Иван Иванович',
        'Замороженные конфликты на Южном Кавказе',
        'Диссертация на соискание ученой степени кандидата политических наук',
      ),
    ).toEqual({
      type: 'thesis',
      genre: 'диссертация на соискание ученой степени кандидата политических наук',
      publisher: 'Московский государственный университет имени М. В. Ломоносова',
    })
  })

  it('reads a report from its number line, and a book from its ISBN', () => {
    expect(fromLines('NBER WORKING PAPER SERIES', 'Working Paper 31234', 'Trade after Sanctions')).toEqual({
      type: 'report',
      genre: 'Working Paper',
      number: '31234',
    })
    expect(fromLines('Frozen Conflicts of Eurasia', 'ISBN 978-0-19-953556-9', 'Oxford 2021')).toEqual({
      type: 'book',
      ISBN: '978-0-19-953556-9',
    })
  })

  it('takes nothing from "Vol." or a DOI inside sentences, captions or references', () => {
    expect(
      fromLines(
        'As the council noted in Vol. 3 of its report, the ports reopened',
        'The Harbour Report (Vol. 3, No. 2, 2019) said the channel was clear',
        'Figure 3, 12–15',
        'the annual harbour plan, vol. 3',
        'Moscow 2019, 45–67',
        'Smith, J. (2020) Tides. Journal of Ports, Vol. 3, No. 2, pp. 4–5.',
        'a study of the same storm (doi:10.1016/j.coastaleng.2019.103540) found higher waves than expected',
      ),
    ).toBeUndefined()
  })
})

describe('readPdfBibliographic: metadata', () => {
  it('reads PRISM and DOI fields of the XMP packet, as elements or as attributes', () => {
    const properties = new Map<string, unknown>([
      ['prism:publicationname', 'Europe-Asia Studies'],
      ['prism:volume', '76'],
      ['prism:number', '3'],
      ['prism:startingpage', '412'],
      ['prism:endingpage', '437'],
      ['prism:coverdate', '2024-03-15'],
    ])
    const raw = `<rdf:Description rdf:about="" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" prism:doi="${PAPER_DOI}" prism:issn="0966-8136"/>`
    expect(readPdfBibliographic({ info: {}, xmp: { properties, raw } }, pageOne('Frozen No More'))).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: PAPER_DOI,
      ISSN: '0966-8136',
      issued: { 'date-parts': [[2024, 3, 15]] },
    })
  })

  it('reads the citation an Info Subject gives, and a DOI key', () => {
    expect(
      readPdfBibliographic(
        {
          info: { Subject: 'Journal of Hydrology, 590 (2020) 125435. doi:10.1016/j.jhydrol.2020.125435' },
          xmp: null,
        },
        pageOne('Floods and dams'),
      ),
    ).toEqual({
      type: 'article-journal',
      'container-title': 'Journal of Hydrology',
      volume: '590',
      DOI: '10.1016/j.jhydrol.2020.125435',
      issued: { 'date-parts': [[2020]] },
    })
    expect(
      readPdfBibliographic({ info: { Custom: { doi: PAPER_DOI } }, xmp: null }, pageOne('Frozen No More')),
    ).toEqual({ DOI: PAPER_DOI })
  })
})

describe('extractDocument: a PDF paper', () => {
  it('gives the journal, volume, issue, pages, DOI, ISSN and dates its first page prints', async () => {
    const article = await extractDocument({ name: 'kvaratskhelia-2024.pdf', bytes: journalPaperPdf() })
    expect(article.bibliographic).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: PAPER_DOI,
      ISSN: '0966-8136',
      issued: { 'date-parts': [[2024]] },
      submitted: { 'date-parts': [[2023, 5, 12]] },
    })
    // The two columns still read one after the other.
    for (const paragraph of PAPER_PARAGRAPHS) expect(article.contentText).toContain(paragraph)
  })

  it('prefers the XMP metadata to the text, and fills what it lacks from the running head', async () => {
    const xmp = [
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>',
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      '<rdf:Description rdf:about="" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">',
      '<prism:publicationName>Europe-Asia Studies</prism:publicationName>',
      '<prism:doi>10.1080/09668136.2024.9999999</prism:doi>',
      '</rdf:Description></rdf:RDF></x:xmpmeta>',
      '<?xpacket end="w"?>',
    ].join('\n')
    const article = await extractDocument({
      name: 'paper.pdf',
      bytes: journalPaperPdf({ head: 'EUROPE-ASIA STUDIES, Vol. 76, No. 3', withDoi: false, pdf: { xmp } }),
    })
    expect(article.bibliographic).toMatchObject({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      DOI: '10.1080/09668136.2024.9999999',
    })
  })

  it('leaves a report that mentions a volume and a study’s DOI in its prose as it was', async () => {
    const lines: TextLine[] = [
      { text: 'Harbour Council: Annual Review', x: 72, y: 720, size: 16 },
      {
        text: 'The council reviewed the storm season, as set out in Vol. 3 of its plan, and',
        x: 72,
        y: 690,
        size: 11,
      },
      {
        text: 'found that waves were higher than a study (doi:10.1016/j.coastaleng.2019.103540)',
        x: 72,
        y: 676,
        size: 11,
      },
      { text: 'had expected. Repairs to the breakwater will begin in the spring.', x: 72, y: 662, size: 11 },
    ]
    const article = await extractDocument({ name: 'review.pdf', bytes: buildPdf([lines]) })
    expect(article.bibliographic).toBeUndefined()
    expect('bibliographic' in article).toBe(false)
  })
})
