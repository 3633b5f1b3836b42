import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { openArchiveDatabase, type Database } from '../../src/main/archive/db/index'
import { Importer } from '../../src/main/archive/import/importer'
import { DATABASE_FILE } from '../../src/main/archive/paths'

/** An archive's own connection and importer, with room for only `roomPages` more database pages. */
export interface NearlyFullArchive {
  db: Database
  importer: Importer
  close(): Promise<void>
}

/**
 * A full disk, simulated: SQLite's max_page_count on the archive's connection is set `roomPages`
 * above its size, so a write beyond it fails with SQLITE_FULL exactly as on a full disk.
 */
export async function nearlyFullArchive(archiveDir: string, roomPages: number): Promise<NearlyFullArchive> {
  await mkdir(archiveDir, { recursive: true })
  const db = await openArchiveDatabase(join(archiveDir, DATABASE_FILE))
  const pages = (await db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0
  await db.exec(`PRAGMA max_page_count = ${pages + roomPages}`)
  const importer = new Importer(db, () => undefined, { extraction: { workers: 0 } })
  let closed = false
  return {
    db,
    importer,
    async close() {
      if (closed) return
      closed = true
      await importer.shutdown()
      await db.close()
    },
  }
}
