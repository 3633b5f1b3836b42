import {
  API_EVENTS,
  type ApiErrorCode,
  type ApiMethod,
  type ApiReply,
  type ArchiveClient,
} from '../../../common/api'
import { createClient, type ClientTransport } from '../../../common/client'

export { errorCode } from '../../../common/errors'
// Failures the engine named by key are shown in the interface language.
export { errorMessage } from '../lib/errorText'

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401 || status === 403 || status === 421) return 'unauthorized'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 415) return 'unsupported'
  if (status === 400 || status === 413) return 'invalid-arguments'
  if (status === 503) return 'damaged'
  if (status === 507) return 'storage-full'
  return 'internal'
}

export interface HttpTransportOptions {
  fetchImpl?: typeof fetch
  /** Builds the event stream; injectable for tests. */
  openEventSource?: (url: string) => EventSource
  baseUrl?: string
}

/** The browser host's protocol: POST /api/<method> with a JSON body, server-sent events on /api/events. */
export function createHttpTransport(options: HttpTransportOptions = {}): ClientTransport {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init))
  const baseUrl = options.baseUrl ?? ''
  const openEventSource = options.openEventSource ?? ((url: string) => new EventSource(url))

  return {
    async call(method: ApiMethod, args: unknown): Promise<ApiReply> {
      const response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(args ?? {}),
      })
      let body: unknown
      try {
        body = await response.json()
      } catch {
        body = undefined
      }
      if (body && typeof body === 'object' && 'ok' in body) return body as ApiReply
      const problem = body === undefined ? 'without a JSON answer' : 'with an unexpected answer'
      return {
        ok: false,
        error: {
          code: codeForStatus(response.status),
          message: `${method}: HTTP ${response.status} ${problem}`,
        },
      }
    },
    subscribe(deliver: (event: string, payload: unknown) => void): () => void {
      const source = openEventSource(`${baseUrl}/api/events`)
      for (const eventName of API_EVENTS) {
        source.addEventListener(eventName, (event) => {
          let payload: unknown
          try {
            payload = JSON.parse((event as MessageEvent<string>).data)
          } catch {
            return
          }
          deliver(eventName, payload)
        })
      }
      return () => source.close()
    },
  }
}

/** The ArchiveClient of the browser host. */
export function createHttpClient(options: HttpTransportOptions = {}): ArchiveClient {
  return createClient(createHttpTransport(options))
}

let activeClient: ArchiveClient | null = null

/** The desktop app's client over the preload's transport when present, otherwise the browser host's. */
export function getClient(): ArchiveClient {
  activeClient ??= window.lectern ? createClient(window.lectern) : createHttpClient()
  return activeClient
}

/** Lets tests (and only tests) put a fake client in place. */
export function setClient(client: ArchiveClient | null): void {
  activeClient = client
}
