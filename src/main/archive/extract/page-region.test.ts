import { describe, expect, it } from 'vitest'
import { squash } from './article'
import { parseDocument } from './dom'
import { findRegion, revealNoscriptPage } from './page-region'

const textOf = (html: string): string => {
  const document = parseDocument(`<html><head></head><body>${html}</body></html>`)
  return squash(findRegion(document.body!).region.textContent ?? '')
}

const words = (topic: string, times = 4): string =>
  `Members discussed the ${topic} at length and most of them agreed on the way forward. `.repeat(times)

describe('findRegion', () => {
  it('leaves out menus, sidebars, forms, hidden parts and cookie banners', () => {
    const text = textOf(`<nav><a href="/">Home</a></nav>
      <div class="layout"><div class="content"><p>${words('ferry timetable')}</p><p>${words('pier repairs')}</p></div>
      <div class="sidebar"><a href="/a">Popular threads</a><a href="/b">Newest threads</a></div>
      <form><label>Search</label><input></form><div hidden>Preview text</div>
      <div id="cookie-consent">We use cookies. Accept all?</div></div><footer>© Site</footer>`)
    expect(text).toBe(squash(`${words('ferry timetable')} ${words('pier repairs')}`))
  })

  it('keeps a wrapper whose class names sound like furniture when it holds the text', () => {
    const text = textOf(`<div class="menu-bar"><a href="/a">About</a><a href="/b">Prices</a></div>
      <div class="wsite-not-footer"><p>${words('harbour fees')}</p><p>${words('winter berths')}</p></div>`)
    expect(text).toBe(squash(`${words('harbour fees')} ${words('winter berths')}`))
  })

  it('keeps every one of many blocks, and narrows to the column of prose beside a sidebar of links and blurbs', () => {
    const cards = ['Pilot', 'Deckhand', 'Skipper', 'Porter'].map(
      (job) => `<div><h3>${job}</h3><p>Port of Vika</p></div>`,
    )
    expect(textOf(`<div class="results">${cards.join('')}</div>`)).toBe(
      'PilotPort of VikaDeckhandPort of VikaSkipperPort of VikaPorterPort of Vika',
    )
    const links = Array.from(
      { length: 12 },
      (_, n) => `<li><a href="/p/${n}">Archive post ${n}</a></li>`,
    ).join('')
    const post = `<div class="entry"><p>${words('new marina', 3)}</p><p>${words('boat ramp', 3)}</p></div>`
    expect(
      textOf(
        `<div class="page">${post}<div class="column"><ul>${links}</ul><p>About the author</p></div></div>`,
      ),
    ).toBe(squash(`${words('new marina', 3)} ${words('boat ramp', 3)}`))
  })

  it('leaves out a cookie consent box even when it says more than the page', () => {
    const purposes = ['Targeting', 'Functional', 'Performance', 'Social media'].map(
      (purpose) =>
        `<h4>${purpose} cookies</h4><p>These cookies may be set through our site by our partners to build a profile of your interests.</p>`,
    )
    const text = textOf(`<div id="consent-sdk"><h3>Manage consent preferences</h3>${purposes.join('')}</div>
      <div class="thread"><p>${words('slipway', 1)}</p><p>${words('crane hire', 1)}</p></div>`)
    expect(text).toBe(squash(`${words('slipway', 1)} ${words('crane hire', 1)}`))
  })

  it('keeps a grid of items that a form wraps (products to compare, posts to moderate), and leaves out a form of fields', () => {
    const cards = ['Tide clock', 'Brass compass', 'Ship lantern', 'Chart table'].map(
      (name, n) =>
        `<li><article><h3><a href="/p/${n}">${name}</a></h3><span>$${n + 20}.99, ships free</span><input type="checkbox"></article></li>`,
    )
    const text = textOf(`<p>${words('nautical gifts', 1)}</p>
      <form action="/compare" method="post"><ul>${cards.join('')}</ul></form>
      <form action="/subscribe"><h3>Our letters</h3><p>Every week, with offers for members only</p>
      <select><option>Albania</option><option>Algeria</option><option>Andorra</option></select><input></form>`)
    expect(text).toBe(
      squash(
        `${words('nautical gifts', 1)} Tide clock$20.99, ships freeBrass compass$21.99, ships freeShip lantern$22.99, ships freeChart table$23.99, ships free`,
      ),
    )
  })
})

describe('revealNoscriptPage', () => {
  it('unwraps <noscript> when it holds the page, and only then', () => {
    const thread = parseDocument(
      `<html><head></head><body><div id="app"></div><noscript><div class="post"><p>${words('mooring')}</p></div></noscript></body></html>`,
    )
    expect(revealNoscriptPage(thread.body!)).toBe(true)
    expect(thread.body!.getElementsByTagName('NOSCRIPT')).toHaveLength(0)
    expect(squash(thread.body!.textContent ?? '')).toBe(squash(words('mooring')))
    const article = parseDocument(
      `<html><head></head><body><p>${words('mooring')}</p><noscript>Please enable JavaScript.</noscript></body></html>`,
    )
    expect(revealNoscriptPage(article.body!)).toBe(false)
    expect(article.body!.getElementsByTagName('NOSCRIPT')).toHaveLength(1)
  })
})
