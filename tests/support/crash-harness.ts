import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sqlite3 from 'sqlite3'
import { Archive } from '../../src/main/archive/api'
import { backupDatabase } from '../../src/main/archive/backup/index'
import { DATABASE_FILE } from '../../src/main/archive/paths'
import { uniqueWord } from './helpers'

/**
 * Kill an import with SIGKILL at a random point and check that the archive is whole: shared by
 * src/main/archive/import/crash.test.ts (one run) and bench/crash.ts (many runs).
 */
export const BUILT_CLI = resolve(__dirname, '../../bin/lectern.cjs')
export const CLI_BUILD = resolve(__dirname, '../../out/main/cli.js')
export const cliIsBuilt = (): boolean => existsSync(CLI_BUILD)

/** A small seeded generator (mulberry32), so a failing run can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Run `lectern import --archive DIR PAGES`. With `killAfter`, watch the archive (the CLI prints
 * its report only at the end) and SIGKILL the import `delayMs` after it holds `killAfter`
 * articles, i.e. somewhere inside a later item.
 */
export function runImport(
  archiveDir: string,
  pagesDir: string,
  options: { json?: boolean; killAfter?: number; delayMs?: number } = {},
): Promise<CliRun> {
  const args = [BUILT_CLI, 'import', '--archive', archiveDir, pagesDir, ...(options.json ? ['--json'] : [])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let exited = false
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (stdout += chunk))
  child.stderr.on('data', (chunk: string) => (stderr += chunk))
  const { killAfter } = options
  if (killAfter !== undefined) {
    const file = join(archiveDir, DATABASE_FILE)
    const watch = async (): Promise<void> => {
      while (!exited) {
        const count = existsSync(file)
          ? await rawQuery<{ n: number }>(file, 'SELECT count(*) AS n FROM articles').then(
              (rows) => rows[0]?.n ?? 0,
              () => 0, // the schema may not be there yet
            )
          : 0
        if (count >= killAfter) {
          await new Promise((resolveDelay) => setTimeout(resolveDelay, options.delayMs ?? 0))
          child.kill('SIGKILL')
          return
        }
        await new Promise((resolvePoll) => setTimeout(resolvePoll, 2))
      }
    }
    void watch()
  }
  return new Promise((resolveRun, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      exited = true
      resolveRun({ code, signal, stdout, stderr })
    })
  })
}

function rawQuery<Row>(file: string, sql: string): Promise<Row[]> {
  return new Promise((resolveRows, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (openError) => {
      if (openError) return reject(openError)
      db.all<Row>(sql, (error: Error | null, rows: Row[]) =>
        db.close(() => (error ? reject(error) : resolveRows(rows))),
      )
    })
  })
}

export interface ArchiveCheck {
  articles: number
  /** Why the archive is not whole; empty when it is. */
  problems: string[]
}

/**
 * The archive after a crash: SQLite's integrity check passes, and every article is whole (its
 * original is stored with matching size, its fields are filled, search finds it by its page's
 * unique word) — or it is absent.
 */
export async function checkArchiveWhole(archiveDir: string): Promise<ArchiveCheck> {
  const file = join(archiveDir, DATABASE_FILE)
  const problems: string[] = []
  const integrity = await rawQuery<{ integrity_check: string }>(file, 'PRAGMA integrity_check')
  const verdict = integrity.map((row) => row.integrity_check).join('; ')
  if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`)
  const rows = await rawQuery<{
    id: number
    title: string
    content_text: string
    content_html: string
    source_name: string | null
    original_size: number | null
    stored_size: number | null
  }>(
    file,
    `SELECT a.id, a.title, a.content_text, a.content_html, a.source_name, o.size AS original_size,
            length(o.bytes) AS stored_size
     FROM articles a LEFT JOIN originals o ON o.sha256 = a.original_sha256`,
  )
  // Searched through a copy: opening the archive itself with this checkout's code could upgrade
  // its schema beyond what the built CLI (run again next) knows.
  const copyDir = await mkdtemp(join(tmpdir(), 'lectern-crash-check-'))
  await backupDatabase(file, join(copyDir, DATABASE_FILE))
  const archive = await Archive.open({ dir: copyDir })
  try {
    for (const row of rows) {
      const label = `article #${row.id} (${row.source_name ?? 'no source'})`
      if (row.original_size === null) problems.push(`${label}: its original is missing`)
      else if (row.original_size !== row.stored_size) problems.push(`${label}: its original is cut short`)
      if (!row.title.trim() || !row.content_text.trim() || !row.content_html.trim() || !row.source_name)
        problems.push(`${label}: has empty fields`)
      const index = /page-(\d+)\.html$/.exec(row.source_name ?? '')?.[1]
      if (index === undefined) {
        problems.push(`${label}: not one of the generated pages`)
        continue
      }
      const hits = await archive.search({ query: uniqueWord(Number(index)), limit: 5 })
      if (!hits.some((hit) => hit.id === row.id)) problems.push(`${label}: search does not find it`)
    }
  } finally {
    await archive.close()
    await rm(copyDir, { recursive: true, force: true })
  }
  return { articles: rows.length, problems }
}

export interface CrashRunResult {
  killedAfter: number
  /** False when the import finished before the kill landed (then nothing was tested). */
  killed: boolean
  before: ArchiveCheck
  /** The same import run again: it must add exactly the missing pages. */
  rerun: { imported: number; duplicates: number; failed: number }
  after: ArchiveCheck
  problems: string[]
}

/** One crash-and-recover round on a fresh archive folder. */
export async function crashAndRecover(
  archiveDir: string,
  pagesDir: string,
  pageCount: number,
  random: () => number,
): Promise<CrashRunResult> {
  // Up to 90% in: the rest of the import takes long enough that the kill always lands inside it.
  const killedAfter = 1 + Math.floor(random() * (pageCount * 0.9 - 1))
  const run = await runImport(archiveDir, pagesDir, {
    killAfter: killedAfter,
    delayMs: Math.floor(random() * 15),
  })
  const killed = run.signal === 'SIGKILL'
  const before = await checkArchiveWhole(archiveDir)
  const second = await runImport(archiveDir, pagesDir, { json: true })
  let report: { imported: number; duplicates: number; failed: number }
  try {
    report = JSON.parse(second.stdout) as typeof report
  } catch {
    throw new Error(
      `the second import printed no report (exit ${second.code}, ${second.signal ?? 'no signal'}): ${second.stderr.trim()}`,
    )
  }
  const rerun = { imported: report.imported, duplicates: report.duplicates, failed: report.failed }
  const after = await checkArchiveWhole(archiveDir)
  const problems = [...before.problems, ...after.problems]
  if (rerun.failed !== 0)
    problems.push(`the second import failed ${rerun.failed} pages: ${second.stderr.trim()}`)
  if (rerun.duplicates !== before.articles)
    problems.push(`the second import saw ${rerun.duplicates} duplicates, expected ${before.articles}`)
  if (rerun.imported !== pageCount - before.articles)
    problems.push(`the second import added ${rerun.imported}, expected ${pageCount - before.articles}`)
  if (after.articles !== pageCount)
    problems.push(`the archive ends with ${after.articles} of ${pageCount} articles`)
  return { killedAfter, killed, before, rerun, after, problems }
}
