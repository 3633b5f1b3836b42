import { describe, expect, it } from 'vitest'
import { closestName, editDistance } from './suggest'

const COMMANDS = [
  'extract',
  'import',
  'delete',
  'list',
  'lists',
  'list-add',
  'show',
  'search',
  'serve',
  'help',
]

describe('closestName', () => {
  it('finds the command meant by a typo: a letter missing, extra, wrong or two swapped', () => {
    expect(closestName('serch', COMMANDS)).toBe('search')
    expect(closestName('improt', COMMANDS)).toBe('import')
    expect(closestName('lsit', COMMANDS)).toBe('list')
    expect(closestName('shwo', COMMANDS)).toBe('show')
    expect(closestName('deleet', COMMANDS)).toBe('delete')
    expect(closestName('SEARCH', COMMANDS)).toBe('search')
  })

  it('completes a unique beginning, and guesses nothing when nothing is close', () => {
    expect(closestName('extr', COMMANDS)).toBe('extract')
    expect(closestName('--recursiv', ['--recursive', '--list', '--json'])).toBe('--recursive')
    expect(closestName('--jsno', ['--recursive', '--list', '--json'])).toBe('--json')
    expect(closestName('frobnicate', COMMANDS)).toBeNull()
    expect(closestName('x', COMMANDS)).toBeNull()
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('search', 'search')).toBe(0)
    expect(editDistance('serch', 'search')).toBe(1)
    expect(editDistance('improt', 'import')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'list')).toBe(4)
  })
})
