/**
 * Closes the open disclosure menu (a `<details data-menu>`, such as the reader's More menu) and
 * gives the focus back to its button; false when none is open.
 */
export function closeOpenMenu(root: ParentNode = document): boolean {
  const menu = root.querySelector<HTMLDetailsElement>('details[data-menu][open]')
  if (!menu) return false
  menu.open = false
  menu.querySelector<HTMLElement>('summary')?.focus()
  return true
}
