import { describe, expect, it } from 'vitest'
import { readHtmlPage } from './html-page'

const thread = (posts: string[]): string =>
  `<html><head><title>Mooring fees</title></head><body><h1>Mooring fees</h1><div class="topic">${posts
    .map((post) => `<div class="post">${post}</div>`)
    .join('')}</div></body></html>`

const read = (html: string) => readHtmlPage(html, { url: null, fallbackTitle: 'x', pageKind: 'forum' })

describe('a thread read as its posts', () => {
  it('takes the date a post was written, not the date it was edited, and a tooltip date over "2 years ago"', () => {
    const page = read(
      thread([
        `<span class="edited">edited <time datetime="2020-12-05T07:01:00Z">Dec 5, 2020</time></span>
         <a class="username" href="/users/7/basj">Basj</a>
         <span class="post-date">asked <time datetime="2018-06-08T09:28:00Z">Jun 8, 2018</time></span>
         <p>Are the mooring fees going up again next season for boats under ten metres?</p>`,
        `<a class="username" href="/users/9/ola">Ola</a><span class="timeago" title="June 9, 2018 10:15">2 years ago</span>
         <p>Yes, by about five percent, and the council will publish the new table in March.</p>`,
      ]),
    )
    expect(page.contentText.split('\n\n')).toEqual([
      'Basj',
      'Jun 8, 2018',
      'Are the mooring fees going up again next season for boats under ten metres?',
      'Ola',
      'June 9, 2018 10:15',
      'Yes, by about five percent, and the council will publish the new table in March.',
    ])
    expect(page.authors).toEqual(['Basj'])
    expect(page.publishedAt).toBe('2018-06-08T09:28:00Z')
  })

  it('keeps a whole page when no group of posts holds its text', () => {
    const page = read(
      `<html><body><h1>Mooring fees</h1><p>${'The council sets the mooring fees every spring after a public meeting. '.repeat(4)}</p></body></html>`,
    )
    expect(page.contentText).toContain('The council sets the mooring fees every spring')
    expect(page.authors).toEqual([])
  })
})
