import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Where tests find the repository, its fixtures and the shared corpus beside the checkout. */
export const REPO_ROOT = resolve(__dirname, '../..')
export const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures')
export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(REPO_ROOT, '..', 'shared', 'corpus'))

/** A file under tests/fixtures. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts)
}

/** The seed page (copied into the fixtures; the corpus keeps the original and its expected.json). */
export const SEED_FIXTURE = fixture('caliber-az-vance-visit.txt')

/** A path under ../shared/corpus. */
export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts)
}

/**
 * Whether every corpus path given exists. Outside CI a missing corpus skips the tests that need it
 * (the caller says so in the skip); in CI (CI=true) it is an error, so a test that needs the corpus
 * can never pass by skipping.
 */
export function corpusAvailable(...paths: string[]): boolean {
  const missing = paths.filter((path) => !existsSync(path))
  if (missing.length === 0) return true
  if (process.env.CI) {
    throw new Error(
      `the shared corpus is missing (${missing.join(', ')}); CI runs with ../shared/corpus beside the checkout`,
    )
  }
  return false
}
