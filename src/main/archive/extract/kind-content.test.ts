import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../../../tests/support/paths'
import { readHtmlPage } from './html-page'

const read = (name: string) =>
  readHtmlPage(readFileSync(fixture('kinds', name), 'utf8'), { url: null, fallbackTitle: 'x' })

describe('pages of every kind, read the way their kind asks', () => {
  it('reads a forum thread as its posts in order, each signed and dated, without member cards, buttons and prompts', () => {
    const page = read('forum.html')
    expect(page.pageKind).toBe('forum')
    expect(page.contentText.split('\n\n')).toEqual([
      'Ann',
      'Jan 3, 2024',
      'I am new to astronomy and would like a first telescope for the back garden. What should a beginner buy for under five hundred pounds?',
      'Bo',
      'Jan 3, 2024',
      'A small reflector on a Dobsonian mount gives the most aperture for the money, and it is easy to set up.',
      'Cy',
      'Jan 4, 2024',
      'Start with binoculars for a month first: you will learn the sky and keep them when you buy the telescope.',
    ])
    for (const dropped of [
      'New member',
      'Joined',
      '4,112',
      'Reply',
      'likes',
      'Clear skies',
      'Similar threads',
      'sign up',
    ])
      expect(page.contentText).not.toContain(dropped)
    expect(page.title).toBe('Best first telescope?')
    expect(page.authors).toEqual(['Ann'])
    expect(page.publishedAt).toBe('2024-01-03T10:00:00Z')
  })

  it('reads a Q&A page as the question and its answers, with the asker and the asking date', () => {
    const page = read('qa.html')
    expect(page.pageKind).toBe('forum')
    expect(page.contentText.split('\n\n')).toEqual([
      'Kumiko',
      'Feb 11, 2011 at 9:12',
      'I am catering a party for forty people and will serve curry with rice from a buffet table.',
      'How can I keep the rice warm and moist for three hours?',
      'Derek',
      'Feb 11, 2011 at 10:02',
      'Keep it in a rice cooker on its warm setting, and put a damp towel under the lid so it does not dry out.',
      'Mira',
      'Feb 12, 2011 at 16:40',
      'A chafing dish with a little water in the bottom pan works well too, and it looks better on the table.',
    ])
    for (const dropped of ['Sign up', 'Up vote', '14', '1,203', 'Hot Network Questions', '2 Answers'])
      expect(page.contentText).not.toContain(dropped)
    expect(page.title).toBe('How do I keep rice warm for a buffet?')
    expect(page.authors).toEqual(['Kumiko'])
    expect(page.publishedAt).toBe('2011-02-11T09:12:00')
  })

  it('keeps a documentation page’s headings, prose, code, tables and lists, without its navigation, contents and edit links', () => {
    const page = read('docs.html')
    expect(page.pageKind).toBe('documentation')
    expect(page.contentText.split('\n\n')).toEqual([
      'Harbour keeps the results of earlier builds in a local cache, so a build that has not changed is never run twice.',
      'Where the cache lives',
      'By default the cache is a folder in your home directory. Set HARBOUR_CACHE to move it:',
      'export HARBOUR_CACHE=/mnt/fast/harbour-cache\nharbour build',
      'Size limits',
      'Setting | Default',
      'max-size | 10 GB',
      'max-age | 30 days',
      'Entries older than max-age are removed first.',
      'Then the least recently used entries go until the cache fits.',
      'harbour cache prune --max-size 5GB',
    ])
    for (const dropped of [
      'Introduction',
      'Installing',
      'On this page',
      'Edit this page',
      'Next:',
      'See also',
      'Command reference',
    ])
      expect(page.contentText).not.toContain(dropped)
    expect(page.contentHtml).toContain('<pre><code>harbour cache prune --max-size 5GB</code></pre>')
    expect(page.contentHtml).toContain('<th>Setting</th>')
    expect(page.title).toBe('Configuring the cache')
  })

  it('reads a wiki article from its lead to its last section, without the infobox, contents, edit links, notes and navigation boxes', () => {
    const page = read('wiki.html')
    expect(page.pageKind).toBe('documentation')
    expect(page.contentText.split('\n\n')).toEqual([
      'Vika harbour is a small harbour on the west side of the Oslofjord, opened in 1883 for the timber trade. Today it serves ferries and pleasure boats.',
      'History',
      'The harbour was built by the town council after the old quay burned in 1881. A breakwater was added in 1910.',
    ])
    for (const dropped of [
      'Berths',
      'Contents',
      'edit',
      '[1]',
      'See also',
      'Town archive',
      'Harbours of the Oslofjord',
      'Ports and harbours',
      'free encyclopedia',
    ])
      expect(page.contentText).not.toContain(dropped)
    expect(page.title).toBe('Vika harbour')
    expect(page.siteName).toBe('Wikipedia')
  })

  it('keeps every item of a listing, not only the first card', () => {
    const page = read('listing.html')
    expect(page.pageKind).toBe('listing')
    const blocks = page.contentText.split('\n\n')
    expect(blocks).toHaveLength(24)
    expect(blocks.slice(0, 2)).toEqual(['Harbour pilot, night shifts', 'Port of Vika · Remote · 2 days ago'])
    expect(blocks.slice(-2)).toEqual(['Lock keeper', 'Canal Trust · Remote · 1 month ago'])
    for (const dropped of ['Post a job', 'Next', 'newsletter'])
      expect(page.contentText).not.toContain(dropped)
  })

  it('keeps a product’s description and details, without the cart, the breadcrumb, its reviews and related products', () => {
    const page = read('product.html')
    expect(page.pageKind).toBe('product')
    expect(page.subtitle).toBeNull()
    expect(page.contentText).toContain(
      'A hand-finished brass lantern in the style of the lights once hung on harbour pilot boats. It takes a standard candle or a small electric bulb.',
    )
    expect(page.contentText).toContain('Solid brass with a glass chimney')
    for (const dropped of [
      'Customer reviews',
      'Lovely and solid',
      'Tom, Leith',
      'Rate this product',
      'Cart (0)',
      'Lighting',
      'Add to cart',
      'Small',
      'You may also like',
      'Mooring rope',
      'Tide clock',
    ])
      expect(page.contentText).not.toContain(dropped)
  })

  it('keeps a service page’s sections, without its cookie banner', () => {
    const page = read('service.html')
    expect(page.pageKind).toBe('service')
    expect(page.contentText).toContain('We clean hulls in the water, without lifting your boat.')
    expect(page.contentText).toContain('A polished propeller saves fuel on every trip.')
    expect(page.contentText).not.toContain('cookies')
  })
})
