/**
 * What the hosts (the desktop shell and `lectern serve`) serve: the archive, or, while its file is
 * damaged, a stand-in that reads and writes nothing of it. The window then learns of the damage from
 * `info` and offers `restoreLatestBackup`, which puts the newest good backup in place (the damaged
 * file kept beside it) and switches to the real archive: the window goes on without a restart.
 * A damage SQLite reports later, when a read reaches it, switches to the stand-in the same way.
 */
import { join, resolve } from 'node:path'
import {
  API_METHODS,
  ApiError,
  ENGINE_EVENTS,
  type ApiMethod,
  type ApiResults,
  type ArchiveApi,
  type ArchiveEvents,
  type EngineEventName,
  type HostedArchive,
} from '../../common/api'
import type { ArchiveDamageInfo, BackupSummary } from '../../common/types'
import { Archive, type ArchiveOptions } from './api'
import { damageOf, type ArchiveDamage } from './backup/health'
import { backupsDir, findLatestGoodBackup, restoreLatestBackup } from './backup/latest'
import { DamagedArchiveError } from './damage'
import { SCHEMA_VERSION } from './db/index'
import { DATABASE_FILE } from './paths'
import { PreferencesFile } from './preferences'

/** The archive as the hosts serve it; `close` closes the archive behind it, if one is open. */
export interface RecoverableArchive extends HostedArchive {
  close(): Promise<void>
}

/**
 * Open the archive in `options.dir`; a damaged archive file gives the stand-in instead of an error.
 * Other failures (no permission, a newer schema) are thrown as Archive.open throws them.
 */
export async function openRecoverableArchive(options: ArchiveOptions): Promise<RecoverableArchive> {
  const session = new ArchiveSession({ ...options, dir: resolve(options.dir) })
  try {
    session.attach(await Archive.open(options))
  } catch (error) {
    if (!(error instanceof DamagedArchiveError)) throw error
    session.markDamaged(error.damage)
  }
  return session.facade()
}

type Listener = (payload: unknown) => void

class ArchiveSession {
  private archive: Archive | null = null
  private damage: ArchiveDamage | null = null
  /** The newest good backup, looked up once per spell of damage. */
  private latestBackup: Promise<BackupSummary | null> | null = null
  private restoring: Promise<ApiResults['restoreLatestBackup']> | null = null
  private detachArchive: Array<() => void> = []
  private readonly listeners = new Map<EngineEventName, Set<Listener>>()
  private readonly preferences: PreferencesFile
  private readonly file: string

  constructor(private readonly options: ArchiveOptions & { dir: string }) {
    this.preferences = new PreferencesFile(options.dir)
    this.file = join(options.dir, DATABASE_FILE)
  }

  attach(archive: Archive): void {
    this.archive = archive
    this.damage = null
    this.latestBackup = null
    // Preferences are served here in both states, so only the engine's own events are forwarded.
    this.detachArchive = ENGINE_EVENTS.filter((event) => event !== 'preferencesChanged').map((event) =>
      archive.on(event, (payload) => this.emit(event, payload)),
    )
  }

  markDamaged(damage: ArchiveDamage): void {
    this.damage = damage
    this.latestBackup = null
  }

  facade(): RecoverableArchive {
    // Every other method goes to the archive the same way: one function per name of the contract.
    const delegated = Object.fromEntries(
      API_METHODS.map((method) => [method, (args: unknown) => this.call(method, args)]),
    ) as unknown as ArchiveApi
    const facade: RecoverableArchive = {
      ...delegated,
      info: () => this.info(),
      restoreLatestBackup: () => this.restore(),
      getPreferences: () => this.preferences.read(),
      setPreferences: async ({ patch }) => {
        const { preferences, changed } = await this.preferences.update(patch)
        if (changed) this.emit('preferencesChanged', preferences)
        return preferences
      },
      on: (event, listener) => this.on(event, listener),
      close: () => this.close(),
    }
    return facade
  }

  private async info(): Promise<ApiResults['info']> {
    if (this.archive) return this.archive.info({})
    return {
      path: this.options.dir,
      articleCount: 0,
      schemaVersion: SCHEMA_VERSION,
      version: this.options.appVersion ?? 'unknown',
      damaged: await this.damageInfo(),
    }
  }

  private async damageInfo(): Promise<ArchiveDamageInfo> {
    const damage = this.damage as ArchiveDamage
    this.latestBackup ??= findLatestGoodBackup(backupsDir(this.options.dir))
    const backup = await this.latestBackup
    return { file: this.file, cause: damage.cause, problem: damage.problem, ...(backup ? { backup } : {}) }
  }

  private async call(method: ApiMethod, args: unknown): Promise<unknown> {
    const archive = this.archive
    if (!archive) throw this.damagedError()
    const invoke = archive[method] as (this: Archive, args: unknown) => Promise<unknown>
    try {
      return await invoke.call(archive, args)
    } catch (error) {
      const damage = damageOf(error)
      // SQLite met the damage in a read: stop using the file before anything more is written to it.
      if (damage && damage.cause !== 'unreadable') await this.fallBack(archive, damage)
      throw error
    }
  }

  private async fallBack(archive: Archive, damage: ArchiveDamage): Promise<void> {
    if (this.archive !== archive) return
    this.archive = null
    for (const detach of this.detachArchive) detach()
    this.detachArchive = []
    this.markDamaged(damage)
    await archive
      .close()
      .catch((error: unknown) => console.error('lectern: closing a damaged archive:', error))
    this.emit('archiveChanged', { reason: 'damaged' })
  }

  private restore(): Promise<ApiResults['restoreLatestBackup']> {
    if (this.archive) return this.archive.restoreLatestBackup({})
    this.restoring ??= this.restoreAndOpen().finally(() => {
      this.restoring = null
    })
    return this.restoring
  }

  private async restoreAndOpen(): Promise<ApiResults['restoreLatestBackup']> {
    this.latestBackup = null
    const restored = await restoreLatestBackup(this.file, backupsDir(this.options.dir), { damaged: true })
    try {
      this.attach(await Archive.open(this.options))
    } catch (error) {
      if (error instanceof DamagedArchiveError) this.markDamaged(error.damage)
      throw error
    }
    this.emit('archiveChanged', { reason: 'restore' })
    return { backup: restored.backup, previousCopy: restored.previousCopy }
  }

  private damagedError(): ApiError {
    const problem = this.damage?.problem ?? 'it could not be read'
    return new ApiError(
      'damaged',
      `the archive ${this.file} is damaged (${problem}); nothing is read from it or written to it ` +
        'until a backup is restored',
    )
  }

  private on<E extends EngineEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    const stored = listener as Listener
    set.add(stored)
    return () => {
      set.delete(stored)
    }
  }

  private emit<E extends EngineEventName>(event: E, payload: ArchiveEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch (error) {
        console.error(`lectern: a ${event} listener failed:`, error)
      }
    }
  }

  private async close(): Promise<void> {
    await this.restoring?.catch(() => undefined)
    const archive = this.archive
    this.archive = null
    for (const detach of this.detachArchive) detach()
    this.detachArchive = []
    this.listeners.clear()
    await archive?.close()
  }
}
