// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import FilterPanel from './FilterPanel.vue'
import { createLecternI18n } from '../../i18n'
import { useLibraryStore } from '../../stores/library'

beforeEach(() => {
  setActivePinia(createPinia())
  window.location.hash = ''
})

afterEach(() => {
  window.location.hash = ''
})

function mountIn(language: 'en' | 'ru') {
  return mount(FilterPanel, { global: { plugins: [createLecternI18n(language)] } })
}

async function typeDates(wrapper: ReturnType<typeof mountIn>, from: string, to: string): Promise<void> {
  await wrapper.get('[data-testid="filter-date-from"]').setValue(from)
  await wrapper.get('[data-testid="filter-date-to"]').setValue(to)
  await wrapper.get('[data-testid="filter-date-to"]').trigger('change')
  await flushPromises()
}

describe('the filter panel: publication dates', () => {
  it('takes dates as Russian writes them and keeps them in ISO form', async () => {
    const wrapper = mountIn('ru')
    expect(wrapper.get('[data-testid="filter-date-from"]').attributes('placeholder')).toBe('01.2024')
    await typeDates(wrapper, '02.2024', '07.02.2026')
    expect(decodeURIComponent(window.location.hash)).toContain('from=2024-02')
    expect(decodeURIComponent(window.location.hash)).toContain('to=2026-02-07')
    expect(wrapper.find('.error-text').exists()).toBe(false)
  })

  it('shows the view in the language the interface writes dates in', async () => {
    useLibraryStore().view.dateFrom = '2025-03'
    const russian = mountIn('ru')
    await flushPromises()
    expect((russian.get('[data-testid="filter-date-from"]').element as HTMLInputElement).value).toBe(
      '03.2025',
    )
    const english = mountIn('en')
    await flushPromises()
    expect((english.get('[data-testid="filter-date-from"]').element as HTMLInputElement).value).toBe(
      '2025-03',
    )
  })

  it('says how to write a date it cannot read, and changes nothing', async () => {
    const wrapper = mountIn('en')
    await typeDates(wrapper, '31.02.2026', '')
    expect(wrapper.get('.error-text').text()).toContain('2026-02-07')
    expect(window.location.hash).not.toContain('from=')
  })
})
