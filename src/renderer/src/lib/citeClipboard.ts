/**
 * Copies a bibliography: HTML for word processors plus plain text for everything else. The
 * asynchronous Clipboard API comes first; where it is missing or refused, a copy event fired by
 * execCommand on a hidden editable element carries both formats.
 */
export async function copyToClipboard(text: string, html: string | null = null): Promise<boolean> {
  try {
    if (html !== null && navigator.clipboard?.write && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ])
      return true
    }
    if (html === null && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (no permission, no focus): fall through to the copy-event route.
  }
  return copyWithCommand(text, html)
}

function copyWithCommand(text: string, html: string | null): boolean {
  const holder = document.createElement('div')
  holder.contentEditable = 'true'
  holder.textContent = text
  holder.setAttribute('aria-hidden', 'true')
  holder.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0;white-space:pre'
  document.body.append(holder)
  const onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return
    event.clipboardData.setData('text/plain', text)
    if (html !== null) event.clipboardData.setData('text/html', html)
    event.preventDefault()
  }
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
  document.addEventListener('copy', onCopy, true)
  try {
    const range = document.createRange()
    range.selectNodeContents(holder)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    document.removeEventListener('copy', onCopy, true)
    window.getSelection()?.removeAllRanges()
    holder.remove()
    previousFocus?.focus()
  }
}
