/** A drag of rows out of the article list carries their ids under this type. */
export const ARTICLE_DRAG_TYPE = 'application/x-lectern-articles'

export function setDraggedArticles(event: DragEvent, ids: readonly number[]): void {
  if (!event.dataTransfer) return
  event.dataTransfer.setData(ARTICLE_DRAG_TYPE, JSON.stringify(ids))
  event.dataTransfer.effectAllowed = 'copy'
}

export function carriesArticles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes(ARTICLE_DRAG_TYPE)
}

/** The article ids a drop carries; [] for anything else or malformed data. */
export function articleIdsFromDrag(event: DragEvent): number[] {
  const raw = event.dataTransfer?.getData(ARTICLE_DRAG_TYPE)
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed)
      ? parsed.filter((id): id is number => Number.isSafeInteger(id) && (id as number) > 0)
      : []
  } catch {
    return []
  }
}
