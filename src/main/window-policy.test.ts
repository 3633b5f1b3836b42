import { describe, expect, it } from 'vitest'
import {
  APP_CONTENT_SECURITY_POLICY,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  desktopContentSecurityPolicy,
  findDeepLink,
  isAppPage,
  isExternalWebUrl,
  isTrustedSenderUrl,
  parseDeepLink,
} from './window-policy'

const fileApp = 'file:///opt/Lectern/resources/app.asar/out/renderer/index.html'
const devApp = 'http://localhost:5173/'

describe('isExternalWebUrl', () => {
  it('accepts plain http and https links', () => {
    expect(isExternalWebUrl('https://example.org/a?b=1#c')).toBe(true)
    expect(isExternalWebUrl('http://example.org')).toBe(true)
  })

  it('refuses every other scheme and malformed addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'lectern://article/1',
      'smb://host/share',
      'mailto:a@b.c',
      'not a url',
      '',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false)
    }
  })

  it('refuses links that hide the real host behind credentials', () => {
    expect(isExternalWebUrl('https://bank.example@evil.example/')).toBe(false)
  })
})

describe('isAppPage', () => {
  it('matches the app page with any hash or query', () => {
    expect(isAppPage(`${fileApp}#/article/3`, fileApp)).toBe(true)
    expect(isAppPage(`${devApp}#/library?q=x`, devApp)).toBe(true)
  })

  it('refuses other files and other origins', () => {
    expect(isAppPage('file:///etc/passwd', fileApp)).toBe(false)
    expect(isAppPage('http://localhost:5174/', devApp)).toBe(false)
    expect(isAppPage('https://localhost:5173/', devApp)).toBe(false)
  })
})

describe('decideNavigation', () => {
  it('lets the window reload its own page', () => {
    expect(decideNavigation(`${fileApp}#/settings`, fileApp, true)).toEqual({ allow: true })
  })

  it('sends a clicked web link to the system browser instead of navigating', () => {
    expect(decideNavigation('https://example.org/story', fileApp, true)).toEqual({
      allow: false,
      openExternally: true,
      url: 'https://example.org/story',
    })
    expect(decideNavigation('https://example.org/story', fileApp, false)).toMatchObject({
      allow: false,
      openExternally: true,
    })
  })

  it('refuses local files and odd schemes without opening anything', () => {
    expect(decideNavigation('file:///home/user/secret.html', fileApp, true)).toEqual({
      allow: false,
      openExternally: false,
    })
    expect(decideNavigation('javascript:alert(1)', fileApp, false)).toEqual({
      allow: false,
      openExternally: false,
    })
  })

  it('lets the reader frame load inline documents, never in the main frame', () => {
    expect(decideNavigation('about:srcdoc', fileApp, false)).toEqual({ allow: true })
    expect(decideNavigation('blob:null/0f5a', fileApp, false)).toEqual({ allow: true })
    expect(decideNavigation('blob:http://localhost:5173/0f5a', devApp, false)).toEqual({ allow: true })
    expect(decideNavigation('blob:https://evil.example/0f5a', devApp, false).allow).toBe(false)
    expect(decideNavigation('about:srcdoc', fileApp, true).allow).toBe(false)
  })
})

describe('decideWindowOpen', () => {
  it('opens only web links, externally', () => {
    expect(decideWindowOpen('https://example.org/')).toEqual({ openExternally: true })
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ openExternally: false })
    expect(decideWindowOpen('about:blank')).toEqual({ openExternally: false })
  })
})

describe('permissions and senders', () => {
  it('denies every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(decidePermission(permission)).toBe(false)
    }
  })

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSenderUrl(`${fileApp}#/library`, fileApp)).toBe(true)
    expect(isTrustedSenderUrl('about:srcdoc', fileApp)).toBe(false)
    expect(isTrustedSenderUrl(null, fileApp)).toBe(false)
  })
})

describe('content security policy', () => {
  it('allows no remote script, style or connection', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(APP_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'")
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it('adds only the dev server socket in development', () => {
    expect(desktopContentSecurityPolicy()).toBe(APP_CONTENT_SECURITY_POLICY)
    expect(desktopContentSecurityPolicy('http://localhost:5173/')).toContain(
      "connect-src 'self' ws://localhost:5173",
    )
  })
})

describe('deep links', () => {
  it('opens articles by lectern://article/ID', () => {
    expect(parseDeepLink('lectern://article/12')).toEqual({ kind: 'open-article', id: 12 })
    expect(parseDeepLink('lectern://article/12/')).toEqual({ kind: 'open-article', id: 12 })
  })

  it('ignores anything else', () => {
    for (const url of [
      'lectern://article/0',
      'lectern://article/x',
      'lectern://list/3',
      'https://article/3',
      'lectern://article/1/2',
    ]) {
      expect(parseDeepLink(url), url).toBeNull()
    }
  })

  it('finds the link among launch arguments', () => {
    expect(findDeepLink(['/opt/Lectern/lectern', '--no-sandbox', 'lectern://article/4'])).toBe(
      'lectern://article/4',
    )
    expect(findDeepLink(['/opt/Lectern/lectern'])).toBeUndefined()
  })
})
