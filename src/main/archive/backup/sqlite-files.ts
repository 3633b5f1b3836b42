import sqlite3 from 'sqlite3'
import type { SqlValue } from '../db/database'

/**
 * The parts of node-sqlite3 this module needs, including the online backup API that the
 * package implements but leaves out of its type declarations (lib/sqlite3.js, Database#backup).
 */
interface SqliteBackup {
  /** Copy `pages` pages (-1: all of them, under one read snapshot of the source). */
  step(pages: number, callback: (error: Error | null) => void): void
  finish(callback?: (error: Error | null) => void): void
  readonly completed: boolean
  readonly failed: boolean
}

interface BackupCapableDatabase extends sqlite3.Database {
  backup(
    filename: string,
    destName: string,
    sourceName: string,
    filenameIsDest: boolean,
    callback?: (error: Error | null) => void,
  ): SqliteBackup
}

/** A raw connection of its own, for whole-file work (backup, restore, validation, export snapshots). */
export class SqliteFile {
  private constructor(
    private readonly connection: BackupCapableDatabase,
    readonly file: string,
  ) {}

  static open(file: string, mode: 'read' | 'write' | 'create'): Promise<SqliteFile> {
    const flags =
      mode === 'read'
        ? sqlite3.OPEN_READONLY
        : mode === 'write'
          ? sqlite3.OPEN_READWRITE
          : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
    return new Promise((resolve, reject) => {
      const connection = new sqlite3.Database(file, flags, (error) =>
        error ? reject(error) : resolve(new SqliteFile(connection as BackupCapableDatabase, file)),
      )
    })
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.connection.exec(sql, (error) => (error ? reject(error) : resolve())),
    )
  }

  all<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.connection.all<Row>(sql, params, (error: Error | null, rows: Row[]) =>
        error ? reject(error) : resolve(rows),
      ),
    )
  }

  async get<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params))[0]
  }

  /**
   * Copy the whole database to `other` (direction 'to') or replace this database with the
   * contents of `other` (direction 'from'), in one backup step: the source is read under a
   * single snapshot, so the copy is consistent even while another connection writes to it.
   */
  copy(direction: 'to' | 'from', other: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const backup = this.connection.backup(other, 'main', 'main', direction === 'to', (openError) => {
        if (openError) {
          reject(openError)
          return
        }
        backup.step(-1, (stepError) => {
          backup.finish(() => {
            if (stepError) reject(stepError)
            else if (!backup.completed) reject(new Error('the database copy did not complete'))
            else resolve()
          })
        })
      })
    })
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.connection.close((error) => (error ? reject(error) : resolve())),
    )
  }
}
