/** Moves the item at `from` so that it ends up at index `to`; the input is left as it was. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items]
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return result
  const [moved] = result.splice(from, 1) as [T]
  result.splice(to, 0, moved)
  return result
}

/** Where a dragged item lands when dropped before or after the item at `target`. */
export function dropIndex(from: number, target: number, after: boolean): number {
  const slot = after ? target + 1 : target
  return from < slot ? slot - 1 : slot
}

/** One step up (-1) or down (+1), as Alt+Up / Alt+Down do; null at either end. */
export function moveByStep<T>(items: readonly T[], index: number, step: -1 | 1): T[] | null {
  const to = index + step
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return null
  return moveItem(items, index, to)
}
