import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { interfacePreferencesSchema } from '../../common/schema'
import type { InterfacePreferences } from '../../common/types'

/** The file in the archive folder that holds the interface preferences. */
export const PREFERENCES_FILE = 'preferences.json'

type PreferenceKey = keyof InterfacePreferences
const PREFERENCE_KEYS = Object.keys(interfacePreferencesSchema.shape) as PreferenceKey[]

/**
 * Keeps only the fields that are valid preferences; anything else (a corrupt file, a value from
 * a newer version) is dropped, so reading never fails.
 */
export function sanitizePreferences(value: unknown): InterfacePreferences {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const source = value as Record<string, unknown>
  const clean: Record<string, unknown> = {}
  for (const key of PREFERENCE_KEYS) {
    if (source[key] === undefined) continue
    const field = interfacePreferencesSchema.shape[key].safeParse(source[key])
    if (field.success && field.data !== undefined) clean[key] = field.data
  }
  return clean as InterfacePreferences
}

function samePreferences(a: InterfacePreferences, b: InterfacePreferences): boolean {
  return PREFERENCE_KEYS.every((key) => a[key] === b[key])
}

/**
 * `<archive dir>/preferences.json`: read leniently (missing or bad file -> {}), written whole to
 * a temporary file and renamed over the old one, so a crash never leaves half a file. Calls are
 * queued, so a read never sees the state before a write that was asked for earlier.
 */
export class PreferencesFile {
  readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string) {
    this.file = join(dir, PREFERENCES_FILE)
  }

  read(): Promise<InterfacePreferences> {
    return this.enqueue(() => this.load())
  }

  /** Merges `patch` into the stored preferences; `changed` tells whether anything differs. */
  update(patch: InterfacePreferences): Promise<{ preferences: InterfacePreferences; changed: boolean }> {
    return this.enqueue(async () => {
      const current = await this.load()
      const next = sanitizePreferences({ ...current, ...sanitizePreferences(patch) })
      if (samePreferences(current, next)) return { preferences: current, changed: false }
      await this.save(next)
      return { preferences: next, changed: true }
    })
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<InterfacePreferences> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch {
      return {}
    }
    try {
      return sanitizePreferences(JSON.parse(text))
    } catch {
      console.warn(`lectern: ${this.file} is not valid JSON; using default preferences`)
      return {}
    }
  }

  private async save(preferences: InterfacePreferences): Promise<void> {
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeFile(temporary, `${JSON.stringify(preferences, null, 2)}\n`, 'utf8')
      await rename(temporary, this.file)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}
