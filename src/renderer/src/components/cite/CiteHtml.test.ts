// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { sanitizeCitationHtml } from '../../lib/citeHtml'
import CiteHtml from './CiteHtml.vue'

describe('CiteHtml', () => {
  it('renders formatting as elements and hostile markup as nothing or text', () => {
    const nodes = sanitizeCitationHtml(
      '<div class="csl-entry">Doe, J. <i>Title</i>. <img src=x onerror="window.hacked=1">' +
        '<a href="javascript:window.hacked=1" onclick="window.hacked=1">Link</a> &lt;b&gt;not bold&lt;/b&gt;</div>',
    )
    const wrapper = mount(CiteHtml, { props: { nodes, as: 'p' } })
    const root = wrapper.element as HTMLElement
    expect(root.tagName).toBe('P')
    expect(root.querySelector('i')?.textContent).toBe('Title')
    expect(root.querySelectorAll('img, a, script, b')).toHaveLength(0)
    expect(root.innerHTML).not.toMatch(/onerror|onclick|javascript:|href/)
    expect(root.textContent).toBe('Doe, J. Title. Link <b>not bold</b>')
  })
})
