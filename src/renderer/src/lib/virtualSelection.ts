/**
 * Which rows of a (possibly huge) virtual list are checked. "Select all" does not list 100,000
 * ids: it flips the meaning of the set, which then holds the rows taken out again.
 */
export interface Selection {
  allSelected: boolean
  /** Checked ids, or with `allSelected` the ids left out. */
  ids: ReadonlySet<number>
  /** Row index of the last plain or ctrl click: where a shift-click range starts. */
  anchor: number | null
}

export const EMPTY_SELECTION: Selection = { allSelected: false, ids: new Set(), anchor: null }

export function isSelected(selection: Selection, id: number): boolean {
  return selection.allSelected ? !selection.ids.has(id) : selection.ids.has(id)
}

/** How many rows are checked, given how many the list holds. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.allSelected ? Math.max(0, total - selection.ids.size) : selection.ids.size
}

/** Check or uncheck one row and make it the anchor of later shift-clicks. */
export function toggleRow(selection: Selection, id: number, index: number): Selection {
  const ids = new Set(selection.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { allSelected: selection.allSelected, ids, anchor: index }
}

/**
 * Shift-click: check every row from the anchor to `index` (`idsInRange` are their ids, in
 * order). Without an anchor it checks the one row. The anchor stays, as in file managers.
 */
export function selectRange(selection: Selection, index: number, idsInRange: readonly number[]): Selection {
  const ids = new Set(selection.ids)
  for (const id of idsInRange) {
    if (selection.allSelected) ids.delete(id)
    else ids.add(id)
  }
  return { allSelected: selection.allSelected, ids, anchor: selection.anchor ?? index }
}

/** The index span a shift-click at `index` covers (inclusive), from the anchor or the row itself. */
export function rangeFromAnchor(selection: Selection, index: number): { from: number; to: number } {
  const anchor = selection.anchor ?? index
  return { from: Math.min(anchor, index), to: Math.max(anchor, index) }
}

export function selectAll(): Selection {
  return { allSelected: true, ids: new Set(), anchor: null }
}

/** The checked ids among `ids`, in their order (for the rows already known). */
export function selectedAmong(selection: Selection, ids: readonly number[]): number[] {
  return ids.filter((id) => isSelected(selection, id))
}
