// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../common/api'
import type { TagCount } from '../../../common/types'
import { setClient } from '../api/client'
import { useLibraryStore } from './library'
import { buildTagTree, useTagsStore, visibleTagNodes } from './tags'

const TAGS: TagCount[] = [
  { name: 'region', count: 1, total: 4, parent: null, color: '#3a6fb0' },
  { name: 'region/caucasus', count: 2, total: 3, parent: 'region', color: null },
  { name: 'region/caucasus/baku', count: 1, total: 1, parent: 'region/caucasus', color: null },
  { name: 'energy', count: 5, total: 5, parent: null, color: null },
]

describe('tag tree', () => {
  it('nests tags under their parents with labels, depths and totals', () => {
    const tree = buildTagTree(TAGS)
    expect(tree.map((node) => node.name)).toEqual(['region', 'energy'])
    const caucasus = tree[0]!.children[0]!
    expect(caucasus).toMatchObject({ label: 'caucasus', depth: 1, total: 3 })
    expect(caucasus.children[0]).toMatchObject({ label: 'baku', depth: 2 })
    expect(tree[0]!.color).toBe('#3a6fb0')
  })

  it('falls back to the path when the engine gives no parent', () => {
    const tree = buildTagTree([
      { name: 'a', count: 1 },
      { name: 'a/b', count: 1 },
    ])
    expect(tree).toHaveLength(1)
    expect(tree[0]!.children[0]!.name).toBe('a/b')
  })

  it('hides the children of collapsed tags', () => {
    const tree = buildTagTree(TAGS)
    expect(visibleTagNodes(tree, new Set()).map((node) => node.name)).toHaveLength(4)
    expect(visibleTagNodes(tree, new Set(['region'])).map((node) => node.name)).toEqual(['region', 'energy'])
  })
})

describe('tags store', () => {
  const undo = { tags: [{ name: 'energy', color: null, pinned: false, articleIds: [1, 2] }] }
  let client: Record<string, ReturnType<typeof vi.fn>>

  beforeEach(() => {
    setActivePinia(createPinia())
    client = {
      listTags: vi.fn(async () => TAGS),
      deleteTag: vi.fn(async () => undo),
      restoreTag: vi.fn(async () => ({ restored: 1 })),
      renameTag: vi.fn(async () => TAGS[3]),
      listArticles: vi.fn(async () => ({ items: [], total: 0 })),
      facets: vi.fn(async () => ({
        total: 0,
        tags: [],
        sites: [],
        languages: [],
        years: [],
        pageKinds: [],
        read: 0,
        unread: 0,
      })),
    }
    setClient(client as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('deletes a tag and undoes it with what deleteTag returned', async () => {
    const tags = useTagsStore()
    expect(await tags.remove('energy')).toBe(true)
    expect(tags.lastDeleted).toEqual({ tagName: 'energy', undo })
    expect(await tags.undoDelete()).toBe(true)
    expect(client.restoreTag).toHaveBeenCalledWith(undo)
    expect(tags.lastDeleted).toBeNull()
  })

  it('moves the list filter (in the address) along when the filtered tag is renamed', async () => {
    const library = useLibraryStore()
    library.applyFilter('', 'energy', 'tag=region&lang=ru')
    const tags = useTagsStore()
    await tags.rename('energy', 'power')
    expect(window.location.hash).toBe('#/library?tag=power&tag=region&lang=ru')
  })

  it('reports a failed change instead of throwing', async () => {
    client.renameTag!.mockRejectedValueOnce(new Error('the name "region" is taken'))
    const tags = useTagsStore()
    expect(await tags.rename('energy', 'region')).toBe(false)
    expect(tags.actionError).toContain('taken')
  })
})
