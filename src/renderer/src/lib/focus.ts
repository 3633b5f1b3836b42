const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  'iframe',
  '[tabindex]',
].join(',')

/** Elements Tab stops at, in document order (positive tabindex is not used in this window). */
export function tabStops(root: Document | Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => {
    if (element.tabIndex < 0) return false
    if (element.closest('[hidden], [inert], dialog:not([open])')) return false
    return element.getClientRects().length > 0
  })
}

/**
 * The Tab stop after (or before) `from` in its document, wrapping around at either end, so focus
 * leaving the reading frame always lands somewhere in the window.
 */
export function neighbourStop(from: Element, backwards: boolean): HTMLElement | null {
  const stops = tabStops(from.ownerDocument)
  if (stops.length === 0) return null
  const following = (stop: HTMLElement) =>
    (from.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !from.contains(stop)
  if (backwards) {
    const before = stops.filter((stop) => !following(stop) && stop !== from && !stop.contains(from))
    return before.at(-1) ?? stops.at(-1) ?? null
  }
  return stops.find(following) ?? stops[0] ?? null
}
