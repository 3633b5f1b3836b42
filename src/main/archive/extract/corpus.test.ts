import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../tests/support/paths'
import { extractDocument } from './index'

const READABILITY_PAGES = corpusPath('readability-pages')

interface ReadabilityGold {
  title?: string
}

/** Readability's gold keeps site suffixes ("Headline | Site") that we drop, so one title containing the other counts. */
function sameTitle(ours: string, gold: string): boolean {
  const normalise = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  const a = normalise(ours)
  const b = normalise(gold)
  return a.length > 0 && (a.includes(b) || b.includes(a))
}

describe('regression smoke test: readability-pages', () => {
  if (!corpusAvailable(READABILITY_PAGES)) {
    it.skip(`corpus missing at ${READABILITY_PAGES}; smoke test did not run`, () => {})
    return
  }
  const pages = readdirSync(READABILITY_PAGES).filter((dir) =>
    existsSync(join(READABILITY_PAGES, dir, 'source.html')),
  )

  it('extracts every page without throwing, with text, and mostly the expected title', async () => {
    expect(pages.length).toBeGreaterThan(100)
    const failures: string[] = []
    let titlesMatched = 0
    let titled = 0
    for (const page of pages) {
      const bytes = readFileSync(join(READABILITY_PAGES, page, 'source.html'))
      try {
        const article = await extractDocument({
          name: `${page}/source.html`,
          bytes,
          url: 'http://fakehost/test/page.html',
        })
        if (!article.contentText.trim()) failures.push(`${page}: empty text`)
        if (/<script|\son\w+\s*=|javascript:/i.test(article.contentHtml))
          failures.push(`${page}: unsafe html`)
        const gold = JSON.parse(
          readFileSync(join(READABILITY_PAGES, page, 'expected-metadata.json'), 'utf8'),
        ) as ReadabilityGold
        if (gold.title) {
          titled++
          if (sameTitle(article.title, gold.title)) titlesMatched++
        }
      } catch (error) {
        failures.push(`${page}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    expect(failures).toEqual([])
    if (process.env.LECTERN_CORPUS_REPORT) console.log(`titles matched ${titlesMatched}/${titled}`)
    expect(titlesMatched / titled).toBeGreaterThan(0.85)
  })
})
