// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { closeOpenMenu } from './menus'

describe('closeOpenMenu', () => {
  it('closes the open menu, focuses its button and says so', () => {
    document.body.innerHTML =
      '<details data-menu open><summary tabindex="0">More</summary><button>Print</button></details>'
    expect(closeOpenMenu()).toBe(true)
    expect(document.querySelector('details')!.open).toBe(false)
    expect(document.activeElement?.tagName).toBe('SUMMARY')
  })

  it('leaves other disclosures alone and reports that nothing was open', () => {
    document.body.innerHTML = '<details open><summary>Details</summary></details>'
    expect(closeOpenMenu()).toBe(false)
    expect(document.querySelector('details')!.open).toBe(true)
  })
})
