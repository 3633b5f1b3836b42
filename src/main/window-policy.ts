/**
 * Security decisions for the desktop window, kept free of Electron so they can be tested in
 * plain Node. The window only ever shows Lectern's own page; imported pages are shown inside it
 * as sanitised, script-free frames, so every navigation or popup request comes from the user
 * clicking a link.
 */

/** The Content-Security-Policy of Lectern's own pages (desktop window and browser host alike). */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob: about:",
  "connect-src 'self'",
].join('; ')

/**
 * The policy for the desktop window. In development the page comes from the Vite dev server,
 * whose hot reload needs a WebSocket back to it.
 */
export function desktopContentSecurityPolicy(devServerUrl?: string): string {
  if (!devServerUrl) return APP_CONTENT_SECURITY_POLICY
  const dev = parseUrl(devServerUrl)
  if (!dev) return APP_CONTENT_SECURITY_POLICY
  const socketOrigin = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`
  return APP_CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${socketOrigin}`)
}

/** True for a well-formed http(s) address, the only kind handed to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
  // Credentials in a link are a classic disguise ("https://bank.example@evil.example").
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/** True when `url` is the app's own page (any hash or query), i.e. a reload of the window itself. */
export function isAppPage(url: string, appUrl: string): boolean {
  const target = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!target || !app) return false
  if (target.protocol !== app.protocol) return false
  if (app.protocol === 'file:') return target.pathname === app.pathname
  return target.origin === app.origin && target.pathname === app.pathname
}

/** True when a frame at `url` may talk to the engine over IPC. */
export function isTrustedSenderUrl(url: string | null | undefined, appUrl: string): boolean {
  return typeof url === 'string' && isAppPage(url, appUrl)
}

export type NavigationDecision =
  | { allow: true }
  | { allow: false; openExternally: false }
  | { allow: false; openExternally: true; url: string }

/**
 * Decide on a navigation of the window or one of its frames.
 * - The main frame may only reload the app's own page.
 * - Subframes (the reader) may load inline documents (about:srcdoc, about:blank, blob:) and
 *   the app's own origin, never the web.
 * - A refused http(s) navigation came from a clicked link: open it in the system browser.
 */
export function decideNavigation(url: string, appUrl: string, isMainFrame: boolean): NavigationDecision {
  if (isAppPage(url, appUrl)) return { allow: true }
  if (!isMainFrame && isInlineDocument(url, appUrl)) return { allow: true }
  if (isExternalWebUrl(url)) return { allow: false, openExternally: true, url }
  return { allow: false, openExternally: false }
}

/** Decide on window.open / target=_blank: never a new app window; web links go to the system browser. */
export function decideWindowOpen(url: string): { openExternally: boolean } {
  return { openExternally: isExternalWebUrl(url) }
}

/** Camera, microphone, notifications, geolocation, clipboard reads...: Lectern needs none of them. */
export function decidePermission(_permission: string): boolean {
  return false
}

function isInlineDocument(url: string, appUrl: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true
  const parsed = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!parsed || !app) return false
  if (parsed.protocol === 'blob:') {
    // blob: URLs carry their creator's origin: only blobs made by the app's own page.
    const inner = parseUrl(parsed.pathname)
    return app.protocol === 'file:'
      ? inner === null || inner.protocol === 'file:'
      : inner?.origin === app.origin
  }
  return false
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

export const DEEP_LINK_SCHEME = 'lectern'

/** `lectern://article/12` -> open article 12; anything else -> null. */
export function parseDeepLink(url: string): { kind: 'open-article'; id: number } | null {
  const parsed = parseUrl(url)
  if (!parsed || parsed.protocol !== `${DEEP_LINK_SCHEME}:`) return null
  const match = /^\/(\d{1,15})\/?$/.exec(parsed.pathname)
  if (parsed.hostname !== 'article' || !match) return null
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? { kind: 'open-article', id } : null
}

/** The deep link among a launch's arguments (Windows and Linux pass it on the command line). */
export function findDeepLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`))
}
