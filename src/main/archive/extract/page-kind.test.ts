import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PageKind } from '../../../common/types'
import { fixture } from '../../../../tests/support/paths'
import { parseDocument } from './dom'
import { readMetadata } from './metadata'
import { indexPage } from './page-index'
import { classifyPage, pageFeatures } from './page-kind'

function kindOf(html: string): PageKind {
  const document = parseDocument(html)
  const index = indexPage(document)
  return classifyPage(document, index, readMetadata(document, index))
}

const page = (name: string): string => readFileSync(fixture('kinds', name), 'utf8')

describe('classifyPage', () => {
  it.each([
    ['article.html', 'article'],
    ['forum.html', 'forum'],
    ['qa.html', 'forum'],
    ['docs.html', 'documentation'],
    ['wiki.html', 'documentation'],
    ['listing.html', 'listing'],
    ['product.html', 'product'],
    ['service.html', 'service'],
  ] as const)('reads %s as %s', (name, kind) => {
    expect(kindOf(page(name))).toBe(kind)
  })

  it('reads a page of running prose as an article even when it declares nothing', () => {
    const prose = 'The harbour board met on Tuesday and agreed a plan for the new ferry timetable. '.repeat(
      10,
    )
    expect(kindOf(`<html><body><div><p>${prose}</p><p>${prose}</p></div></body></html>`)).toBe('article')
  })

  it('reads a story at a dated or numbered address as an article', () => {
    const body = `<p>${'A news story about the harbour and the ferries that use it every day. '.repeat(16)}</p>`
    const menu = `<ul>${'<li><a href="/x">Section of the site</a></li>'.repeat(60)}</ul>`
    const at = (path: string): string =>
      `<html><head><link rel="canonical" href="https://news.example${path}"></head><body>${menu}${body}</body></html>`
    expect(kindOf(at('/2024/03/04/harbour-reopens'))).toBe('article')
    expect(kindOf(at('/germany/311510-harbour-reopens.html'))).toBe('article')
    expect(kindOf(at('/about-us'))).toBe('service')
  })

  it('reads a landing page whose prose comes in sections as a service page, and one run of prose as an article', () => {
    const paragraph = (topic: string): string =>
      `<p>${`Our team plans ${topic} for companies of every size, from the first call to the final report. `.repeat(7)}</p>`
    const topics = ['audits', 'migrations', 'training', 'support', 'reviews']
    const sections = topics
      .map((topic) => `<section><h2>${topic}</h2>${paragraph(topic)}<a href="/contact">Ask us</a></section>`)
      .join('')
    const features = `<ul>${'<li>Fixed price, agreed before the work starts, and no hidden fees</li>'.repeat(30)}</ul>`
    const plans = `<table>${'<tr><td>Plan for small teams</td><td>$490 a month</td><td>Choose</td></tr>'.repeat(10)}</table>`
    const form = '<form><input name="email"><button>Book a call</button></form>'
    const landing = `<h1>What we do</h1>${sections}${features}${plans}${form}`
    expect(kindOf(`<html><body>${landing}</body></html>`)).toBe('service')
    const story = `<article><h1>What we did</h1><div>${topics.map(paragraph).join('')}</div></article>`
    expect(kindOf(`<html><body>${story}${form}</body></html>`)).toBe('article')
  })

  it('counts Chinese, Japanese and Korean characters as more than one letter of prose', () => {
    const document = parseDocument(`<html><body><p>${'港口在周一重新开放。'.repeat(5)}</p></body></html>`)
    const index = indexPage(document)
    const features = pageFeatures(document, index, readMetadata(document, index))
    // 45 characters at three letters' worth, and 5 full stops.
    expect(features.longParagraphs).toBe(1)
    expect(features.longParagraphChars).toBe(140)
  })
})
