import {
  API_EVENTS,
  API_METHODS,
  type ApiErrorShape,
  type ApiEventName,
  type ApiMethod,
  type ArchiveClient,
  type ArchiveEvents,
} from '../../../common/api'

/** An API failure as the renderer sees it: the contract's code plus a readable message. */
export class ClientApiError extends Error {
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorShape['code']>([
  'invalid-arguments',
  'not-found',
  'unsupported',
  'conflict',
  'internal',
  'unauthorized',
])

function errorFromShape(shape: unknown, fallback: string): ClientApiError {
  if (shape && typeof shape === 'object') {
    const { code, message } = shape as Partial<Record<'code' | 'message', unknown>>
    const knownCode =
      typeof code === 'string' && ERROR_CODES.has(code) ? (code as ApiErrorShape['code']) : 'internal'
    return new ClientApiError(knownCode, typeof message === 'string' && message ? message : fallback)
  }
  return new ClientApiError('internal', fallback)
}

function codeForStatus(status: number): ApiErrorShape['code'] {
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 415) return 'unsupported'
  if (status === 400) return 'invalid-arguments'
  return 'internal'
}

export interface HttpClientOptions {
  fetchImpl?: typeof fetch
  /** Builds the event stream; injectable for tests. */
  openEventSource?: (url: string) => EventSource
  baseUrl?: string
}

/** The browser host's protocol: POST /api/<method> with a JSON body, SSE on /api/events. */
export function createHttpClient(options: HttpClientOptions = {}): ArchiveClient {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init))
  const baseUrl = options.baseUrl ?? ''
  const openEventSource = options.openEventSource ?? ((url: string) => new EventSource(url))

  async function call(method: ApiMethod, args: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(args ?? {}),
      })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      throw new ClientApiError('internal', `${method}: the archive host could not be reached (${reason})`)
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      throw new ClientApiError(
        codeForStatus(response.status),
        `${method}: HTTP ${response.status} without a JSON answer`,
      )
    }
    if (body && typeof body === 'object' && 'ok' in body) {
      const envelope = body as { ok: unknown; result?: unknown; error?: unknown }
      if (envelope.ok === true) return envelope.result
      throw errorFromShape(envelope.error, `${method}: HTTP ${response.status}`)
    }
    throw new ClientApiError(
      codeForStatus(response.status),
      `${method}: unexpected answer (HTTP ${response.status})`,
    )
  }

  type Listener = (payload: unknown) => void
  const listeners = new Map<ApiEventName, Set<Listener>>()
  let source: EventSource | null = null

  function ensureSource(): void {
    if (source) return
    source = openEventSource(`${baseUrl}/api/events`)
    for (const eventName of API_EVENTS) {
      source.addEventListener(eventName, (event) => {
        const data = (event as MessageEvent<string>).data
        let payload: unknown
        try {
          payload = JSON.parse(data)
        } catch {
          return
        }
        for (const listener of listeners.get(eventName) ?? []) listener(payload)
      })
    }
  }

  const client: Record<string, unknown> = {}
  for (const method of API_METHODS) {
    client[method] = (args: unknown) => call(method, args)
  }
  client.on = <E extends ApiEventName>(
    event: E,
    listener: (payload: ArchiveEvents[E]) => void,
  ): (() => void) => {
    ensureSource()
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    const wrapped = listener as Listener
    set.add(wrapped)
    return () => {
      set.delete(wrapped)
    }
  }
  return client as unknown as ArchiveClient
}

let activeClient: ArchiveClient | null = null

/** The desktop preload's client when present, otherwise the browser host's HTTP client. */
export function getClient(): ArchiveClient {
  activeClient ??= window.lectern ?? createHttpClient()
  return activeClient
}

/** Lets tests (and only tests) put a fake client in place. */
export function setClient(client: ArchiveClient | null): void {
  activeClient = client
}

export function errorCode(err: unknown): ApiErrorShape['code'] | null {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: unknown }).code
    if (typeof code === 'string' && ERROR_CODES.has(code)) return code as ApiErrorShape['code']
  }
  return null
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
