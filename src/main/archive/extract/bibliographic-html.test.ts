import { describe, expect, it } from 'vitest'
import type { ExtractedArticle } from '../../../common/types'
import { extractDocument } from './index'

const BODY = [
  'Ceasefire lines drawn in the early 1990s were long described as frozen, yet the record of incidents along them shows a steady pattern of local escalation.',
  'This article traces how those incidents changed the bargaining positions of the parties and why the talks that followed produced agreements on paper only.',
  'Archival sources from both capitals show that negotiators expected the lines to hold, and planned for little else while local commanders moved.',
]

/** A saved page: the head given, a headline and the body paragraphs (with `opening` ones before them). */
function savedPage(head: string, options: { opening?: string[]; body?: string[] } = {}): Buffer {
  const paragraphs = [...(options.opening ?? []), ...(options.body ?? BODY)]
  return Buffer.from(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frozen No More</title>${head}</head>
<body><article><h1>Frozen No More</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></body></html>`,
  )
}

const meta = (name: string, content: string): string => `<meta name="${name}" content="${content}">`
const jsonLd = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`

async function bibliographicOf(page: Buffer): Promise<ExtractedArticle['bibliographic']> {
  return (await extractDocument({ name: 'page.html', bytes: page })).bibliographic
}

describe('extractDocument: what an HTML page of a paper says of itself', () => {
  it('reads Highwire citation tags into a journal article', async () => {
    const page = savedPage(
      [
        meta('citation_title', 'Frozen No More'),
        meta('citation_author', 'Kvaratskhelia, Nino'),
        meta('citation_journal_title', 'Europe-Asia Studies'),
        meta('citation_journal_abbrev', 'Eur.-Asia Stud.'),
        meta('citation_volume', '76'),
        meta('citation_issue', '3'),
        meta('citation_firstpage', '412'),
        meta('citation_lastpage', '437'),
        meta('citation_doi', 'doi:10.1080/09668136.2024.2312345'),
        meta('citation_issn', '0966-8136'),
        meta('citation_issn', '1465-3427'),
        meta('citation_publisher', 'Routledge'),
        meta('citation_publication_date', '2024/03/15'),
      ].join(''),
    )
    const article = await extractDocument({ name: 'tandfonline.html', bytes: page })
    expect(article.bibliographic).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      'container-title-short': 'Eur.-Asia Stud.',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: '10.1080/09668136.2024.2312345',
      ISSN: '0966-8136',
      publisher: 'Routledge',
    })
    // The page's own fields stay as they were read.
    expect(article.publishedAt).toBe('2024-03-15')
    expect(article.siteName).toBe('Europe-Asia Studies')
  })

  it('reads a schema.org ScholarlyArticle in its issue, volume and periodical', async () => {
    const page = savedPage(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'ScholarlyArticle',
        headline: 'Frozen No More',
        pageStart: '412',
        pageEnd: '437',
        identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1080/09668136.2024.2312345' },
        isPartOf: {
          '@type': 'PublicationIssue',
          issueNumber: '3',
          isPartOf: {
            '@type': ['PublicationVolume', 'Periodical'],
            volumeNumber: '76',
            name: 'Europe-Asia Studies',
            issn: '0966-8136',
          },
        },
        publisher: { '@type': 'Organization', name: 'Routledge' },
      }),
    )
    expect(await bibliographicOf(page)).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: '10.1080/09668136.2024.2312345',
      ISSN: '0966-8136',
      publisher: 'Routledge',
    })
  })

  it('reads books, chapters, theses, reports and conference papers by what their tags name', async () => {
    expect(
      await bibliographicOf(
        savedPage(
          jsonLd({
            '@type': 'Book',
            name: 'Frozen Conflicts of Eurasia',
            isbn: '978-0-19-953556-9',
            publisher: { '@type': 'Organization', name: 'Oxford University Press' },
            numberOfPages: 312,
            bookEdition: '2nd',
          }),
        ),
      ),
    ).toEqual({
      type: 'book',
      ISBN: '978-0-19-953556-9',
      publisher: 'Oxford University Press',
      'number-of-pages': '312',
      edition: '2nd',
    })

    expect(
      await bibliographicOf(
        savedPage(
          [
            meta('citation_title', 'Ceasefire Lines'),
            meta('citation_inbook_title', 'Frozen Conflicts of Eurasia'),
            meta('citation_editor', 'Smith, Anna'),
            meta('citation_editor', 'Roe, John'),
            meta('citation_firstpage', '145'),
            meta('citation_lastpage', '162'),
            meta('citation_isbn', '978-0-19-953556-9'),
            meta('citation_publisher', 'Oxford University Press'),
          ].join(''),
        ),
      ),
    ).toEqual({
      type: 'chapter',
      'container-title': 'Frozen Conflicts of Eurasia',
      page: '145-162',
      ISBN: '978-0-19-953556-9',
      publisher: 'Oxford University Press',
      editor: [
        { family: 'Smith', given: 'Anna' },
        { family: 'Roe', given: 'John' },
      ],
    })

    expect(
      await bibliographicOf(
        savedPage(
          meta('citation_title', 'Frozen Lines') +
            meta('citation_dissertation_institution', 'University of Glasgow'),
        ),
      ),
    ).toEqual({ type: 'thesis', publisher: 'University of Glasgow' })

    expect(
      await bibliographicOf(
        savedPage(
          meta('citation_technical_report_number', 'RR-2345') +
            meta('citation_technical_report_institution', 'RAND Corporation'),
        ),
      ),
    ).toEqual({ type: 'report', number: 'RR-2345', publisher: 'RAND Corporation' })

    expect(
      await bibliographicOf(
        savedPage(
          meta('citation_conference_title', 'Proceedings of the 58th Annual Meeting of the ACL') +
            meta('citation_firstpage', '1234') +
            meta('citation_lastpage', '1245') +
            meta('citation_doi', '10.18653/v1/2020.acl-main.100'),
        ),
      ),
    ).toEqual({
      type: 'paper-conference',
      'container-title': 'Proceedings of the 58th Annual Meeting of the ACL',
      page: '1234-1245',
      DOI: '10.18653/v1/2020.acl-main.100',
    })
  })

  it('reads the Dublin Core and PRISM tags journal platforms print', async () => {
    const ojs = savedPage(
      [
        meta('DC.Source', 'Полис. Политические исследования'),
        meta('DC.Source.Volume', '33'),
        meta('DC.Source.Issue', '3'),
        meta('DC.Source.ISSN', '1026-9487'),
        meta('DC.Identifier.pageNumber', '8-24'),
        meta('DC.Identifier.DOI', '10.17976/jpps/2024.03.02'),
        meta('DC.Type', 'Text.Serial.Journal'),
      ].join(''),
    )
    expect(await bibliographicOf(ojs)).toEqual({
      type: 'article-journal',
      'container-title': 'Полис. Политические исследования',
      volume: '33',
      issue: '3',
      page: '8-24',
      DOI: '10.17976/jpps/2024.03.02',
      ISSN: '1026-9487',
    })
    const springer = savedPage(
      [
        meta('prism.publicationName', 'International Politics'),
        meta('prism.volume', '61'),
        meta('prism.number', '2'),
        meta('prism.startingPage', '301'),
        meta('prism.endingPage', '322'),
        meta('prism.doi', 'doi:10.1057/s41311-023-00456-7'),
      ].join(''),
    )
    expect(await bibliographicOf(springer)).toEqual({
      type: 'article-journal',
      'container-title': 'International Politics',
      volume: '61',
      issue: '2',
      page: '301-322',
      DOI: '10.1057/s41311-023-00456-7',
    })
  })

  it('takes the DOI a paper page prints as a line of its own at the top of its text', async () => {
    const printed = savedPage('', { opening: ['DOI: 10.1080/09668136.2024.2312345'] })
    expect(await bibliographicOf(printed)).toEqual({ DOI: '10.1080/09668136.2024.2312345' })
    const withJournal = savedPage(meta('citation_journal_title', 'Europe-Asia Studies'), {
      opening: ['https://doi.org/10.1080/09668136.2024.2312345'],
    })
    expect(await bibliographicOf(withJournal)).toEqual({
      type: 'article-journal',
      'container-title': 'Europe-Asia Studies',
      DOI: '10.1080/09668136.2024.2312345',
    })
  })

  it('leaves a news page that mentions a volume or a DOI in its prose as it was', async () => {
    const news = savedPage(
      meta('og:site_name', 'Harbour Times') +
        meta('DC.identifier', 'ISSN 1950-6244') +
        meta('DC.publisher', 'Harbour Times'),
      {
        body: [
          'The council published Vol. 3 of its harbour plan on Monday, and the mayor said the breakwater repairs would start in the spring.',
          'A study of the same storm (doi:10.1016/j.coastaleng.2019.103540) found that the waves were higher than the engineers had expected.',
          'DOI: 10.1016/j.coastaleng.2019.103540 is cited in the plan, the council said, along with two older surveys of the harbour floor.',
          ...BODY,
        ],
      },
    )
    const article = await extractDocument({ name: 'news.html', bytes: news })
    expect('bibliographic' in article).toBe(false)
    // A journal named without a volume, issue or DOI is not evidence enough either.
    expect(await bibliographicOf(savedPage(meta('citation_journal_title', 'Harbour Times')))).toBeUndefined()
  })
})
