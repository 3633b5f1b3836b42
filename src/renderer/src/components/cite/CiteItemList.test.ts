// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { CitationListItem } from '../../../../common/types'
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

function mountList() {
  return mount(CiteItemList, {
    props: {
      items: [item(1, 'One'), item(2, 'Two'), item(3, 'Three')],
      warnings: new Map([[2, ['url' as const, 'date' as const]]]),
      busy: false,
    },
    global: { plugins: [createLecternI18n('en')] },
  })
}

describe('CiteItemList', () => {
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
})
