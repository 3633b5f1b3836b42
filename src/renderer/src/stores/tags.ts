import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { TagCount, TagUndo } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { navigate } from '../router'
import { routeForView, useLibraryStore } from './library'

/** One tag in the sidebar tree: "region/caucasus" sits under "region" and shows "caucasus". */
export interface TagNode {
  name: string
  /** The last level of the path. */
  label: string
  depth: number
  /** Articles with this tag or one nested under it. */
  total: number
  color: string | null
  children: TagNode[]
}

/** Nest the flat tag list by `parent` (or the path when the engine gives none), keeping its order. */
export function buildTagTree(tags: readonly TagCount[]): TagNode[] {
  const nodes = new Map<string, TagNode>()
  const roots: TagNode[] = []
  for (const tag of tags) {
    const levels = tag.name.split('/')
    nodes.set(tag.name, {
      name: tag.name,
      label: levels[levels.length - 1] || tag.name,
      depth: 0,
      total: tag.total ?? tag.count,
      color: tag.color ?? null,
      children: [],
    })
  }
  for (const tag of tags) {
    const node = nodes.get(tag.name)!
    const parentName = tag.parent !== undefined ? tag.parent : parentPath(tag.name)
    const parent = parentName ? nodes.get(parentName) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const setDepth = (list: TagNode[], depth: number): void => {
    for (const node of list) {
      node.depth = depth
      setDepth(node.children, depth + 1)
    }
  }
  setDepth(roots, 0)
  return roots
}

function parentPath(name: string): string | null {
  const cut = name.lastIndexOf('/')
  return cut > 0 ? name.slice(0, cut) : null
}

/** The rows a tree shows: each node followed by its children unless it is collapsed. */
export function visibleTagNodes(roots: readonly TagNode[], collapsed: ReadonlySet<string>): TagNode[] {
  const rows: TagNode[] = []
  const walk = (list: readonly TagNode[]): void => {
    for (const node of list) {
      rows.push(node)
      if (!collapsed.has(node.name)) walk(node.children)
    }
  }
  walk(roots)
  return rows
}

/** A deletion that can still be undone from the toast. */
export interface PendingUndo {
  tagName: string
  undo: TagUndo
}

/** Tag management from the sidebar: every change goes through the ArchiveApi. */
export const useTagsStore = defineStore('tags', () => {
  const library = useLibraryStore()
  const collapsed = ref<Set<string>>(new Set())
  const lastDeleted = ref<PendingUndo | null>(null)
  const actionError = ref<string | null>(null)

  const tree = computed(() => buildTagTree(library.tags))
  const rows = computed(() => visibleTagNodes(tree.value, collapsed.value))

  function toggleCollapsed(name: string): void {
    const next = new Set(collapsed.value)
    if (next.has(name)) next.delete(name)
    else next.add(name)
    collapsed.value = next
  }

  /** Run a change; the error is kept for the sidebar to show and the call reports success. */
  async function attempt(change: () => Promise<unknown>): Promise<boolean> {
    actionError.value = null
    try {
      await change()
      await library.loadTags()
      return true
    } catch (err) {
      actionError.value = errorMessage(err)
      return false
    }
  }

  /** Keep the list's tag filter (and so the address) pointing at a tag renamed or merged away. */
  function followRename(from: string, to: string): void {
    const view = library.view
    if (!view.tags.includes(from)) return
    const tags = [...new Set(view.tags.map((tag) => (tag === from ? to : tag)))]
    navigate(routeForView({ ...view, tags }), { replace: true })
  }

  const create = (name: string) => attempt(() => getClient().createTag({ name }))

  const rename = (name: string, newName: string) =>
    attempt(async () => {
      await getClient().renameTag({ name, newName })
      followRename(name, newName)
    })

  const merge = (name: string, into: string) =>
    attempt(async () => {
      await getClient().mergeTags({ names: [name], into })
      followRename(name, into)
    })

  const setColor = (name: string, color: string | null) =>
    attempt(() => getClient().setTagColor({ name, color }))

  const remove = (name: string) =>
    attempt(async () => {
      const undo = await getClient().deleteTag({ name })
      lastDeleted.value = { tagName: name, undo }
    })

  async function undoDelete(): Promise<boolean> {
    const pendingUndo = lastDeleted.value
    if (!pendingUndo) return false
    lastDeleted.value = null
    return attempt(() => getClient().restoreTag(pendingUndo.undo))
  }

  function dismissUndo(): void {
    lastDeleted.value = null
  }

  return {
    collapsed,
    lastDeleted,
    actionError,
    tree,
    rows,
    toggleCollapsed,
    create,
    rename,
    merge,
    setColor,
    remove,
    undoDelete,
    dismissUndo,
  }
})
