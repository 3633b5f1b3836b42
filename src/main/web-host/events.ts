import type { ArchiveApi, ArchiveEvents } from '../../common/api'

/**
 * The events the engine emits, which every host forwards to its windows (SSE here, IPC in the
 * desktop app). `appCommand` is not among them: only the desktop shell sends it.
 */
export const ENGINE_EVENTS = ['importProgress', 'archiveChanged'] as const
export type EngineEventName = (typeof ENGINE_EVENTS)[number]

/** The event half of the engine facade (`Archive.on`). */
export interface ArchiveEventSource {
  on<E extends EngineEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void
}

/** What a host serves: the API plus its events; `Archive` is one. */
export type HostedArchive = ArchiveApi & ArchiveEventSource
