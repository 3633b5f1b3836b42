// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import SidebarSection from './SidebarSection.vue'

interface Item {
  id: number
  name: string
}

function mountSection(props: Record<string, unknown> = {}) {
  return mount(SidebarSection, {
    props: {
      title: 'Collections',
      addTestid: 'collection-create',
      addLabel: 'New collection',
      addTitle: 'Create a collection',
      items: [] as Item[],
      itemKey: (item: unknown) => (item as Item).id,
      emptyText: 'No collections yet.',
      emptyTestid: 'collection-empty',
      ...props,
    },
    slots: {
      form: () => h('form', { class: 'new-field' }),
      item: ({ item }: { item: unknown }) => h('li', { 'data-id': (item as Item).id }, (item as Item).name),
      default: () => h('p', { class: 'after' }, 'after the list'),
    },
  })
}

describe('SidebarSection', () => {
  it('shows the heading and a "+" button that asks for a new item', async () => {
    const wrapper = mountSection()
    expect(wrapper.get('h2.section-title').text()).toBe('Collections')
    const add = wrapper.get('[data-testid="collection-create"]')
    expect(add.attributes('aria-label')).toBe('New collection')
    expect(add.attributes('title')).toBe('Create a collection')
    expect(add.classes()).toEqual(['icon'])
    await add.trigger('click')
    expect(wrapper.emitted('add')).toHaveLength(1)
  })

  it('lists the items in order through the item slot, with the form before and the rest after', () => {
    const wrapper = mountSection({
      items: [
        { id: 2, name: 'Thesis' },
        { id: 1, name: 'Paper' },
      ],
      listTestid: 'collection-list',
    })
    const list = wrapper.get('ul.list[data-testid="collection-list"]')
    expect(list.findAll('li').map((item) => item.text())).toEqual(['Thesis', 'Paper'])
    expect(wrapper.find('.empty').exists()).toBe(false)
    const order = Array.from((wrapper.element as HTMLElement).children).map((child) => child.className)
    expect(order).toEqual(['section-head', 'new-field', 'list', 'after'])
  })

  it('shows the hint when there are no items, unless the new-item field stands in for it', async () => {
    const wrapper = mountSection()
    expect(wrapper.get('[data-testid="collection-empty"]').text()).toBe('No collections yet.')
    expect(wrapper.find('ul').exists()).toBe(false)
    await wrapper.setProps({ adding: true })
    expect(wrapper.find('[data-testid="collection-empty"]').exists()).toBe(false)
  })

  it('is named by its heading only when given a title id', async () => {
    const wrapper = mountSection()
    expect(wrapper.attributes('aria-labelledby')).toBeUndefined()
    expect(wrapper.get('h2').attributes('id')).toBeUndefined()
    await wrapper.setProps({ titleId: 'cite-lists-title' })
    expect(wrapper.attributes('aria-labelledby')).toBe('cite-lists-title')
    expect(wrapper.get('h2').attributes('id')).toBe('cite-lists-title')
  })

  it('draws the "+" in the look each section keeps, and can be disabled', async () => {
    const wrapper = mountSection({ addLook: 'large', addDisabled: true })
    const add = wrapper.get('[data-testid="collection-create"]')
    expect(add.classes()).toEqual(['icon', 'large-plus'])
    expect(add.attributes('disabled')).toBeDefined()
    await add.trigger('click')
    expect(wrapper.emitted('add')).toBeUndefined()
    await wrapper.setProps({ addLook: 'wide' })
    expect(wrapper.get('[data-testid="collection-create"]').classes()).toEqual(['icon-btn'])
  })
})
