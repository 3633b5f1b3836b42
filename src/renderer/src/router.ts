import { computed, readonly, ref } from 'vue'

/** The addresses the desktop app and the browser host share. */
export type Route =
  /** `filters`: the library's other address parameters (stores/library.ts reads them), canonical order. */
  | { name: 'library'; query: string; tag: string | null; filters?: string }
  | { name: 'article'; id: number }
  | { name: 'settings' }
  | { name: 'citeList'; id: number }
  | { name: 'stats' }

export const DEFAULT_ROUTE: Route = { name: 'library', query: '', tag: null }

/** Parses `#/library?q=…&tag=…`, `#/article/ID`, `#/settings`, `#/lists/ID`; anything else means the library. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const queryStart = raw.indexOf('?')
  const path = (queryStart === -1 ? raw : raw.slice(0, queryStart)).replace(/\/+$/, '')
  const params = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1))
  const segments = path.split('/').filter(Boolean)

  if (segments[0] === 'article' && segments.length === 2) {
    const id = Number(segments[1])
    if (Number.isSafeInteger(id) && id > 0) return { name: 'article', id }
  }
  if (segments[0] === 'settings' && segments.length === 1) return { name: 'settings' }
  if (segments[0] === 'stats' && segments.length === 1) return { name: 'stats' }
  if (segments[0] === 'lists' && segments.length === 2) {
    const id = Number(segments[1])
    if (Number.isSafeInteger(id) && id > 0) return { name: 'citeList', id }
  }
  if (segments[0] === 'library' && segments.length === 1) {
    const tag = params.get('tag')
    // Everything but q and the first tag stays together, in order, for the library store.
    const rest = new URLSearchParams()
    let tagSeen = false
    for (const [key, value] of params) {
      if (key === 'q') continue
      if (key === 'tag' && !tagSeen) {
        tagSeen = true
        continue
      }
      rest.append(key, value)
    }
    const filters = rest.toString()
    return {
      name: 'library',
      query: params.get('q') ?? '',
      tag: tag ? tag : null,
      ...(filters ? { filters } : {}),
    }
  }
  return { ...DEFAULT_ROUTE }
}

export function formatHash(route: Route): string {
  switch (route.name) {
    case 'article':
      return `#/article/${route.id}`
    case 'settings':
      return '#/settings'
    case 'stats':
      return '#/stats'
    case 'citeList':
      return `#/lists/${route.id}`
    case 'library': {
      const params = new URLSearchParams()
      if (route.query) params.set('q', route.query)
      if (route.tag) params.set('tag', route.tag)
      for (const [key, value] of new URLSearchParams(route.filters ?? '')) params.append(key, value)
      const search = params.toString()
      return search ? `#/library?${search}` : '#/library'
    }
  }
}

const current = ref<Route>(
  typeof window === 'undefined' ? { ...DEFAULT_ROUTE } : parseHash(window.location.hash),
)

function syncFromLocation(): void {
  current.value = parseHash(window.location.hash)
}

let listening = false

/** Starts following `hashchange`; call once at startup. */
export function startRouter(): void {
  if (listening) return
  listening = true
  window.addEventListener('hashchange', syncFromLocation)
  syncFromLocation()
}

/**
 * Goes to a route. `replace` swaps the history entry (used while typing a search so
 * every keystroke does not become a Back step).
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = formatHash(route)
  if (window.location.hash === hash) {
    current.value = route
    return
  }
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash)
    current.value = parseHash(hash)
  } else {
    window.location.hash = hash
  }
}

export function useRoute() {
  return { route: readonly(current), routeName: computed(() => current.value.name) }
}
