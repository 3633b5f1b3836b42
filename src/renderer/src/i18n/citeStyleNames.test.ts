import { describe, expect, it } from 'vitest'
import { CITE_STYLE_NAMES, citeStyleName } from './citeStyleNames'

const shipped = Object.keys(import.meta.glob('../../../../resources/csl/*.csl'))
  .map((path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.csl$/, ''))
  .sort()

describe('citation style names', () => {
  it('name every style Lectern ships, in both languages', () => {
    expect(Object.keys(CITE_STYLE_NAMES.en).sort()).toEqual(shipped)
    expect(Object.keys(CITE_STYLE_NAMES.ru).sort()).toEqual(shipped)
  })

  it('translate the built-in styles and keep a user style’s own title', () => {
    const styles = [
      { id: 'gost-r-7.0.100-2018', title: 'GOST R 7.0.100-2018 (Lectern)', builtIn: true },
      { id: 'my-journal', title: 'My Journal', builtIn: false },
    ]
    expect(citeStyleName('ru', styles, 'gost-r-7.0.100-2018')).toBe('ГОСТ Р 7.0.100-2018')
    expect(citeStyleName('en', styles, 'gost-r-7.0.100-2018')).toBe('GOST R 7.0.100-2018')
    expect(citeStyleName('ru', styles, 'my-journal')).toBe('My Journal')
    expect(citeStyleName('ru', [], 'unknown-style')).toBe('unknown-style')
  })
})
