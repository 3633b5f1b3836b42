import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Database } from './database'
import { openArchiveDatabase } from './index'
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  SchemaTooNewError,
  migrate,
  schemaVersion,
  type Migration,
} from './migrations'
import { storeSample } from '../../../../tests/support/articles'

let dir: string
const openDatabases: Database[] = []

async function openRaw(name = 'test.sqlite'): Promise<Database> {
  const db = await Database.open(join(dir, name))
  openDatabases.push(db)
  return db
}

async function openArchive(name = 'archive.sqlite'): Promise<Database> {
  const db = await openArchiveDatabase(join(dir, name))
  openDatabases.push(db)
  return db
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-db-'))
})

afterEach(async () => {
  for (const db of openDatabases.splice(0)) await db.close()
  await rm(dir, { recursive: true, force: true })
})

describe('Database', () => {
  it('opens with WAL, foreign keys, a busy timeout and synchronous NORMAL', async () => {
    const db = await openRaw()
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' })
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 })
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 1 })
  })

  it('runs, gets and lists with positional and named parameters', async () => {
    const db = await openRaw()
    await db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, data BLOB)')
    const first = await db.run('INSERT INTO notes (body, data) VALUES (?, ?)', [
      'один',
      Buffer.from([1, 2, 3]),
    ])
    const second = await db.run('INSERT INTO notes (body) VALUES ($body)', { $body: 'two' })
    expect(first).toEqual({ lastID: 1, changes: 1 })
    expect(second.lastID).toBe(2)
    expect(await db.get('SELECT body, data FROM notes WHERE id = ?', [1])).toEqual({
      body: 'один',
      data: Buffer.from([1, 2, 3]),
    })
    expect(await db.get('SELECT body FROM notes WHERE id = ?', [99])).toBeUndefined()
    expect(await db.all('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
    expect((await db.run('DELETE FROM notes')).changes).toBe(2)
  })

  it('rolls a failed transaction back and passes the error on', async () => {
    const db = await openRaw()
    await db.exec('CREATE TABLE items (name TEXT UNIQUE)')
    await expect(
      db.transaction(async () => {
        await db.run('INSERT INTO items VALUES (?)', ['kept only if all succeed'])
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await expect(
      db.transaction(async () => {
        await db.run('INSERT INTO items VALUES (?)', ['a'])
        await db.run('INSERT INTO items VALUES (?)', ['a'])
      }),
    ).rejects.toThrow(/UNIQUE/)
    expect(await db.all('SELECT * FROM items')).toEqual([])
  })

  it('rolls back a nested transaction alone (savepoint)', async () => {
    const db = await openRaw()
    await db.exec('CREATE TABLE items (name TEXT)')
    await db.transaction(async () => {
      await db.run('INSERT INTO items VALUES (?)', ['outer'])
      await expect(
        db.transaction(async () => {
          await db.run('INSERT INTO items VALUES (?)', ['inner'])
          throw new Error('inner fails')
        }),
      ).rejects.toThrow('inner fails')
    })
    expect(await db.all('SELECT name FROM items')).toEqual([{ name: 'outer' }])
  })

  it('serialises concurrent transactions on one connection', async () => {
    const db = await openRaw()
    await db.exec('CREATE TABLE counter (value INTEGER); INSERT INTO counter VALUES (0)')
    const increment = (pause: number) =>
      db.transaction(async () => {
        const row = await db.get<{ value: number }>('SELECT value FROM counter')
        await delay(pause)
        await db.run('UPDATE counter SET value = ?', [(row?.value ?? 0) + 1])
      })
    await Promise.all([increment(30), increment(5), increment(15), increment(0)])
    expect(await db.get('SELECT value FROM counter')).toEqual({ value: 4 })
  })

  it('keeps reads from seeing the half-done work of a running transaction', async () => {
    const db = await openRaw()
    await db.exec('CREATE TABLE items (name TEXT)')
    let signalInserted = () => {}
    const inserted = new Promise<void>((resolve) => (signalInserted = resolve))
    const failing = db.transaction(async () => {
      await db.run('INSERT INTO items VALUES (?)', ['uncommitted'])
      signalInserted()
      await delay(20)
      throw new Error('give up')
    })
    await inserted
    // Started while the transaction holds the connection: it must wait for the rollback.
    const outsider = db.all('SELECT name FROM items')
    await expect(failing).rejects.toThrow('give up')
    expect(await outsider).toEqual([])
  })
})

describe('migrations', () => {
  it('creates the schema in an empty file and reopens it unchanged', async () => {
    const db = await openArchive()
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION)
    const tables = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['article_tags', 'articles', 'articles_fts', 'originals', 'tags']),
    )
    const id = await storeSample(db, { title: 'Survives a reopen' })
    await db.close()
    openDatabases.splice(openDatabases.indexOf(db), 1)

    const reopened = await openArchive()
    expect(await schemaVersion(reopened)).toBe(SCHEMA_VERSION)
    expect(await reopened.get('SELECT title FROM articles WHERE id = ?', [id])).toEqual({
      title: 'Survives a reopen',
    })
  })

  it('applies only the steps a database has not seen yet', async () => {
    const db = await openRaw()
    const steps: Migration[] = [
      { version: 1, description: 'one', sql: 'CREATE TABLE one (x)' },
      { version: 2, description: 'two', sql: 'CREATE TABLE two (x)' },
    ]
    expect(await migrate(db, steps.slice(0, 1))).toBe(1)
    expect(await migrate(db, steps)).toBe(2)
    expect(await migrate(db, steps)).toBe(2)
    expect(await schemaVersion(db)).toBe(2)
  })

  it('leaves the database untouched when a step fails', async () => {
    const db = await openRaw()
    const steps: Migration[] = [
      { version: 1, description: 'fine', sql: 'CREATE TABLE fine (x)' },
      { version: 2, description: 'broken', sql: 'CREATE TABLE broken (' },
    ]
    await expect(migrate(db, steps)).rejects.toThrow()
    expect(await schemaVersion(db)).toBe(0)
    expect(await db.all("SELECT name FROM sqlite_master WHERE name = 'fine'")).toEqual([])
  })

  it('refuses an archive written by a newer version, with a clear message', async () => {
    const raw = await openRaw('newer.sqlite')
    await raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 5}`)
    await raw.close()
    openDatabases.splice(openDatabases.indexOf(raw), 1)

    const attempt = openArchiveDatabase(join(dir, 'newer.sqlite'))
    await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError)
    await expect(openArchiveDatabase(join(dir, 'newer.sqlite'))).rejects.toThrow(/newer version of Lectern/)
  })
})
