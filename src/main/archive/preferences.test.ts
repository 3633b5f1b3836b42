import * as fs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../common/api'
import { parseArgs } from '../../common/schema'
import type { InterfacePreferences } from '../../common/types'
import { Archive } from './api'
import { callApi } from './dispatch'
import { PREFERENCES_FILE, PreferencesFile, sanitizePreferences } from './preferences'

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return { ...actual, rename: vi.fn(actual.rename) }
})

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-preferences-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

describe('PreferencesFile', () => {
  it('has no preferences before anything is saved', async () => {
    expect(await new PreferencesFile(dir).read()).toEqual({})
  })

  it('merges patches and reads them back from a new instance', async () => {
    const preferences = new PreferencesFile(dir)
    expect(await preferences.update({ language: 'ru' })).toEqual({
      preferences: { language: 'ru' },
      changed: true,
    })
    expect(await preferences.update({ theme: 'night', fontSize: 20 })).toEqual({
      preferences: { language: 'ru', theme: 'night', fontSize: 20 },
      changed: true,
    })
    expect(await new PreferencesFile(dir).read()).toEqual({ language: 'ru', theme: 'night', fontSize: 20 })
    const onDisk = JSON.parse(await readFile(join(dir, PREFERENCES_FILE), 'utf8')) as unknown
    expect(onDisk).toEqual({ language: 'ru', theme: 'night', fontSize: 20 })
  })

  it('reports a patch that changes nothing', async () => {
    const preferences = new PreferencesFile(dir)
    await preferences.update({ language: 'en', lineWidth: 'wide' })
    expect(await preferences.update({ language: 'en' })).toEqual({
      preferences: { language: 'en', lineWidth: 'wide' },
      changed: false,
    })
  })

  it('falls back to defaults for a corrupt file, without throwing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await writeFile(join(dir, PREFERENCES_FILE), '{"language": "ru", the rest is gone')
    const preferences = new PreferencesFile(dir)
    expect(await preferences.read()).toEqual({})
    // And the next save repairs it.
    await preferences.update({ theme: 'sepia' })
    expect(await new PreferencesFile(dir).read()).toEqual({ theme: 'sepia' })
  })

  it('keeps the valid fields of a file and drops the rest', async () => {
    await writeFile(
      join(dir, PREFERENCES_FILE),
      JSON.stringify({ language: 'de', theme: 'night', fontSize: 'big', readingFont: 'sans', extra: 1 }),
    )
    expect(await new PreferencesFile(dir).read()).toEqual({ theme: 'night', readingFont: 'sans' })
  })

  it.each([['[]'], ['null'], ['"ru"'], ['42']])('reads %s as no preferences', async (text) => {
    await writeFile(join(dir, PREFERENCES_FILE), text)
    expect(await new PreferencesFile(dir).read()).toEqual({})
  })

  it('writes through a temporary file renamed into place, leaving no temporary behind', async () => {
    const preferences = new PreferencesFile(dir)
    await preferences.update({ language: 'ru' })
    await preferences.update({ language: 'en' })
    expect(await readdir(dir)).toEqual([PREFERENCES_FILE])
  })

  it('keeps the old file whole when the new one cannot be put in place', async () => {
    const preferences = new PreferencesFile(dir)
    await preferences.update({ language: 'ru' })
    const before = await readFile(join(dir, PREFERENCES_FILE), 'utf8')
    vi.mocked(fs.rename).mockRejectedValueOnce(Object.assign(new Error('disk gone'), { code: 'EIO' }))
    await expect(preferences.update({ language: 'en', theme: 'night' })).rejects.toThrow('disk gone')
    expect(await readFile(join(dir, PREFERENCES_FILE), 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual([PREFERENCES_FILE])
    // The queue goes on after a failed write.
    expect(await preferences.update({ theme: 'night' })).toMatchObject({ changed: true })
  })

  it('answers a read asked after a write with that write applied', async () => {
    const preferences = new PreferencesFile(dir)
    const writes = [
      preferences.update({ theme: 'night' }),
      preferences.update({ language: 'ru' }),
      preferences.update({ theme: 'light' }),
    ]
    const read = preferences.read()
    await Promise.all(writes)
    expect(await read).toEqual({ theme: 'light', language: 'ru' })
  })
})

describe('sanitizePreferences', () => {
  it('keeps exactly the known, valid fields', () => {
    expect(
      sanitizePreferences({
        language: 'ru',
        theme: 'system',
        fontSize: 22,
        readingFont: 'serif',
        lineWidth: 'narrow',
        lineSpacing: 'loose',
        colour: 'red',
      }),
    ).toEqual({
      language: 'ru',
      theme: 'system',
      fontSize: 22,
      readingFont: 'serif',
      lineWidth: 'narrow',
      lineSpacing: 'loose',
    })
    expect(sanitizePreferences({ fontSize: 18.5, theme: 'neon' })).toEqual({})
  })
})

describe('preferences in the contract', () => {
  it('validates setPreferences and getPreferences arguments', () => {
    expect(parseArgs('getPreferences', {})).toEqual({})
    expect(parseArgs('setPreferences', { patch: { language: 'ru', fontSize: 20 } })).toEqual({
      patch: { language: 'ru', fontSize: 20 },
    })
    expect(() => parseArgs('getPreferences', { language: 'ru' })).toThrow(ApiError)
    expect(() => parseArgs('setPreferences', {})).toThrow(/setPreferences: patch/)
    expect(() => parseArgs('setPreferences', { patch: { language: 'de' } })).toThrow(/patch\.language/)
    expect(() => parseArgs('setPreferences', { patch: { theme: 'neon' } })).toThrow(/patch\.theme/)
    expect(() => parseArgs('setPreferences', { patch: { fontSize: 18.5 } })).toThrow(/patch\.fontSize/)
    expect(() => parseArgs('setPreferences', { patch: { colour: 'red' } })).toThrow(ApiError)
  })

  it('serves them from the archive and announces changes', async () => {
    const archive = await Archive.open({ dir })
    try {
      const announced: InterfacePreferences[] = []
      archive.on('preferencesChanged', (preferences) => announced.push(preferences))
      expect(await callApi(archive, 'getPreferences', {})).toEqual({})
      expect(await callApi(archive, 'setPreferences', { patch: { language: 'ru' } })).toEqual({
        language: 'ru',
      })
      await callApi(archive, 'setPreferences', { patch: { language: 'ru' } })
      await callApi(archive, 'setPreferences', { patch: { theme: 'night' } })
      expect(announced).toEqual([{ language: 'ru' }, { language: 'ru', theme: 'night' }])
      await expect(callApi(archive, 'setPreferences', { patch: { language: 'fr' } })).rejects.toMatchObject({
        code: 'invalid-arguments',
      })
      expect(await callApi(archive, 'getPreferences', {})).toEqual({ language: 'ru', theme: 'night' })
    } finally {
      await archive.close()
    }
  })
})
