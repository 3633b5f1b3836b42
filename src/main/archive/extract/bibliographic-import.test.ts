/**
 * What a paper says of itself reaches the archive: an imported PDF or HTML page of a paper is stored
 * as a journal article item with its volume, issue, pages and DOI; a news page stays a web page.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileUpload } from '../../../common/types'
import { PAPER_DOI, journalPaperPdf } from '../../../../tests/fixtures/pdf/paper'
import { Archive } from '../api'

let dir: string
let archive: Archive

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-bibliographic-'))
  archive = await Archive.open({ dir: join(dir, 'archive') })
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

const upload = (name: string, bytes: Buffer): FileUpload => ({ name, dataBase64: bytes.toString('base64') })

const paragraphs = (...texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join('\n')

const PAPER_PAGE = Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ports and Power | International Politics</title>
<meta name="citation_title" content="Ports and Power">
<meta name="citation_author" content="Lopez, Maria">
<meta name="citation_journal_title" content="International Politics">
<meta name="citation_volume" content="61">
<meta name="citation_issue" content="2">
<meta name="citation_firstpage" content="301">
<meta name="citation_lastpage" content="322">
<meta name="citation_doi" content="10.1057/s41311-023-00456-7">
<meta name="citation_publication_date" content="2024/04/02">
</head><body><article><h1>Ports and Power</h1>
${paragraphs(
  'Harbours along the Black Sea coast have changed hands, owners and purposes several times since the end of the Soviet Union.',
  'This article follows three of them through their concession contracts and shows how each shaped the region’s politics.',
)}
</article></body></html>`)

const NEWS_PAGE = Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour plan published | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-05-06">
</head><body><article><h1>Harbour plan published</h1>
${paragraphs(
  'The council published Vol. 3 of its harbour plan on Monday, and the mayor said repairs to the breakwater would start in the spring.',
  'A study of the same storm (doi:10.1016/j.coastaleng.2019.103540) found that the waves were higher than the engineers had expected.',
)}
</article></body></html>`)

describe('importing papers', () => {
  it('stores a PDF paper and an HTML paper page as journal articles with volume, issue, pages and DOI', async () => {
    const report = await archive.importFiles({
      files: [
        upload('kvaratskhelia-2024.pdf', journalPaperPdf()),
        upload('ports-and-power.html', PAPER_PAGE),
        upload('harbour-plan.html', NEWS_PAGE),
      ],
    })
    expect(report).toMatchObject({ imported: 3, failed: 0 })
    const [pdfId, paperId, newsId] = report.items.map((item) => item.id!)

    const pdf = await archive.getArticle({ id: pdfId! })
    expect(pdf.itemType).toBe('article-journal')
    expect(pdf.item).toMatchObject({
      type: 'article-journal',
      title: 'Frozen No More: Ceasefire Lines and Their Incidents',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: PAPER_DOI,
      ISSN: '0966-8136',
      issued: { 'date-parts': [[2024]] },
    })

    const paper = await archive.getArticle({ id: paperId! })
    expect(paper.itemType).toBe('article-journal')
    expect(paper.item).toMatchObject({
      type: 'article-journal',
      title: 'Ports and Power',
      author: [{ family: 'Lopez', given: 'Maria' }],
      'container-title': 'International Politics',
      volume: '61',
      issue: '2',
      page: '301-322',
      DOI: '10.1057/s41311-023-00456-7',
      issued: { 'date-parts': [[2024, 4, 2]] },
    })

    const news = await archive.getArticle({ id: newsId! })
    expect(news.itemType).toBe('webpage')
    expect(news.item).not.toHaveProperty('volume')
    expect(news.item).not.toHaveProperty('DOI')
  })
})
