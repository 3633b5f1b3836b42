/** A picture, video or sound the saved page did not carry: the reading copy keeps a placeholder. */
export type RemoteMediaKind = 'image' | 'video' | 'audio'

const KINDS: readonly RemoteMediaKind[] = ['image', 'video', 'audio']

/**
 * The description (alt text) a placeholder carries. The stored reading copy writes it in a
 * language-neutral form, `[image: A cat] https://…` (the address also in data-src), which the
 * reader replaces with words in the interface language.
 */
export function placeholderDescription(text: string, kind: RemoteMediaKind, src: string | null): string {
  let rest = text.trim()
  if (src && rest.endsWith(src)) rest = rest.slice(0, -src.length).trimEnd()
  const opening = `[${kind}`
  if (!rest.startsWith(opening) || !rest.endsWith(']')) return ''
  rest = rest.slice(opening.length, -1)
  return rest.startsWith(': ') ? rest.slice(2).trim() : ''
}

/**
 * Labels each placeholder of `root` with words from `label` (its kind and description), shown by
 * the frame's styles instead of the stored text. The text itself stays, so highlights keep their
 * places in it.
 */
export function labelRemoteMedia(
  root: ParentNode,
  label: (kind: RemoteMediaKind, description: string) => string,
): void {
  for (const kind of KINDS) {
    for (const element of Array.from(root.querySelectorAll<HTMLElement>(`.lectern-remote-${kind}`))) {
      const src = element.getAttribute('data-src')
      if (!element.hasAttribute('data-alt'))
        element.setAttribute('data-alt', placeholderDescription(element.textContent ?? '', kind, src))
      element.setAttribute('data-label', label(kind, element.getAttribute('data-alt') ?? ''))
      if (src) element.setAttribute('title', src)
    }
  }
}
