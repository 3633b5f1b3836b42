// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { Facets } from '../../../../common/types'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import StatsView from './StatsView.vue'

const facets: Facets = {
  total: 7,
  tags: [
    { name: 'region', count: 1, total: 3 },
    { name: 'region/caucasus', count: 2, total: 2, parent: 'region' },
  ],
  sites: [
    { value: 'Caliber.az', count: 4 },
    { value: null, count: 3 },
  ],
  languages: [],
  years: [],
  pageKinds: [],
  read: 0,
  unread: 7,
  withNotes: 0,
  withoutNotes: 7,
}

describe('StatsView', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setClient({
      facets: async () => facets,
      articlesPerMonth: async () => [
        { value: '2025-11', count: 2 },
        { value: '2026-02', count: 4 },
        { value: null, count: 1 },
      ],
    } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('draws months, sites and tags as bars that link to the filtered library, in Russian', async () => {
    const wrapper = mount(StatsView, { global: { plugins: [createLecternI18n('ru')] } })
    await flushPromises()

    expect(wrapper.get('[data-testid="stats-total"]').text()).toBe('7 статей в архиве')
    // Every month from the first to the last, empty ones without a link.
    const months = wrapper.findAll('[data-testid="stats-month"]')
    expect(months.map((bar) => bar.attributes('data-month'))).toEqual(['2025-11', '2026-02'])
    expect(months[1]!.attributes('href')).toBe('#/library?from=2026-02&to=2026-02')
    expect(months[1]!.attributes('aria-label')).toBe('февраль 2026 г.: 4 статьи')
    expect(wrapper.text()).toContain('Без даты: 1')

    const sites = wrapper.findAll('[data-testid="stats-sites-bar"]')
    expect(sites.map((bar) => bar.attributes('href'))).toEqual([
      '#/library?site=Caliber.az',
      '#/library?site=',
    ])
    expect(sites[1]!.text()).toContain('Без сайта')

    const tags = wrapper.findAll('[data-testid="stats-tags-bar"]')
    expect(tags.map((bar) => bar.attributes('href'))).toEqual([
      '#/library?tag=region',
      '#/library?tag=region%2Fcaucasus',
    ])
  })

  it('keeps a month at least 14 units wide in a long archive and lets the chart scroll instead', async () => {
    const perMonth = Array.from({ length: 240 }, (_, index) => ({
      value: `${2006 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      count: 1 + (index % 5),
    }))
    setClient({
      facets: async () => facets,
      articlesPerMonth: async () => perMonth,
    } as unknown as ArchiveClient)
    const wrapper = mount(StatsView, { global: { plugins: [createLecternI18n('en')] } })
    await flushPromises()

    const chart = wrapper.get('[data-testid="stats-timeline"]')
    expect(chart.attributes('style')).toContain(`min-width: ${30 + 240 * 14}px`)
    const bars = wrapper.findAll('[data-testid="stats-month"] rect.bar')
    expect(bars).toHaveLength(240)
    for (const bar of bars) expect(Number(bar.attributes('width'))).toBeGreaterThanOrEqual(11)
  })
})
