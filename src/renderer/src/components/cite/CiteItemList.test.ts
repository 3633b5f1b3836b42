// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ArchiveClient } from '../../../../common/api'
import type { CitationListItem } from '../../../../common/types'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import CiteItemList from './CiteItemList.vue'

function item(id: number, title: string): CitationListItem {
  return {
    id,
    title,
    subtitle: null,
    authors: [],
    siteName: null,
    section: null,
    publishedAt: null,
    language: 'en',
    url: null,
    excerpt: null,
    wordCount: 10,
    format: 'text',
    addedAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    tags: [],
    itemType: 'webpage',
    position: id - 1,
    accessedAt: null,
    citeKind: null,
  }
}

function mountList(language: 'en' | 'ru' = 'en') {
  return mount(CiteItemList, {
    props: {
      items: [item(1, 'One'), { ...item(2, 'Two'), itemType: 'book', format: 'reference' }, item(3, 'Three')],
      warnings: new Map([[2, ['url' as const, 'date' as const]]]),
      busy: false,
      citeStyle: 'apa',
      citeLocale: 'en-US' as const,
      styleTitle: 'APA',
    },
    global: { plugins: [createLecternI18n(language)] },
  })
}

describe('CiteItemList', () => {
  afterEach(() => {
    setClient(null)
    vi.unstubAllGlobals()
  })

  it('moves the focused item with Alt+Up and Alt+Down and ignores plain arrows', async () => {
    const wrapper = mountList()
    const rows = wrapper.findAll('[data-testid="cite-item"]')
    await rows[0]?.trigger('keydown', { key: 'ArrowDown', altKey: true })
    await rows[2]?.trigger('keydown', { key: 'ArrowUp', altKey: true })
    await rows[0]?.trigger('keydown', { key: 'ArrowUp', altKey: true })
    await rows[1]?.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper.emitted('reorder')).toEqual([[[2, 1, 3]], [[1, 3, 2]]])
  })

  it('shows the missing fields with a Fix button for that article', async () => {
    const wrapper = mountList()
    const warning = wrapper.find('[data-testid="cite-item-warning"]')
    expect(warning.text()).toContain('No URL · No date')
    await wrapper.find('[data-testid="cite-item-fix"]').trigger('click')
    expect(wrapper.emitted('fix')?.[0]?.[0]).toMatchObject({ id: 2 })
  })

  it('names each item’s kind and opens its article or record from the title', () => {
    const wrapper = mountList('ru')
    const kinds = wrapper.findAll('[data-testid="item-kind"]')
    expect(kinds.map((kind) => kind.text())).toEqual(['Веб-страница', 'КнигаЗапись', 'Веб-страница'])
    expect(kinds[1]!.classes()).toContain('record')
    expect(wrapper.findAll('[data-testid="cite-item-title"]').map((link) => link.attributes('href'))).toEqual(
      ['#/article/1', '#/article/2', '#/article/3'],
    )
  })

  it('copies one item’s citation in the list’s style, and its reference', async () => {
    const formatCitations = vi.fn(async (args: { citations?: boolean; format: string }) => ({
      output: '',
      entries: [args.citations ? '(Two, 2026)' : 'Two. (2026).'],
      entryIds: [2],
      warnings: [],
    }))
    setClient({ formatCitations } as unknown as ArchiveClient)
    const writeText = vi.fn(async () => undefined)
    const write = vi.fn(async () => undefined)
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly parts: Record<string, Blob>) {}
      },
    )
    Object.defineProperty(navigator, 'clipboard', { value: { write, writeText }, configurable: true })
    const wrapper = mountList()
    const second = wrapper.findAll('[data-testid="cite-item"]')[1]!
    await second.get('[data-testid="cite-item-copy-citation"]').trigger('click')
    await flushPromises()
    expect(formatCitations).toHaveBeenCalledWith({
      ids: [2],
      style: 'apa',
      locale: 'en-US',
      citations: true,
      format: 'text',
    })
    expect(second.get('[data-testid="cite-item-copy-status"]').text()).toBe('Citation copied')
    expect(wrapper.findAll('[data-testid="cite-item-copy-status"]')[0]!.text()).toBe('')
    await second.get('[data-testid="cite-item-copy-reference"]').trigger('click')
    await flushPromises()
    expect(formatCitations).toHaveBeenLastCalledWith({
      ids: [2],
      style: 'apa',
      locale: 'en-US',
      format: 'text',
    })
    expect(second.get('[data-testid="cite-item-copy-status"]').text()).toBe('Reference copied')
    const [items] = write.mock.calls.at(-1) as unknown as [Array<{ parts: Record<string, Blob> }>]
    expect(await items[0]!.parts['text/plain']!.text()).toBe('Two. (2026).')
  })
})
