import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { REPO_ROOT } from './paths'

// The desktop shell as it ships, for the tests that run it in Node against a stand-in for electron.

const OUT = join(REPO_ROOT, 'out')
export const MAIN_BUNDLE = join(OUT, 'main', 'index.js')
export const PRELOAD_BUNDLE = join(OUT, 'preload', 'index.js')
export const RENDERER_PAGE = join(OUT, 'renderer', 'index.html')
const SHELL_SOURCES = ['src/main', 'src/common', 'src/preload', 'electron.vite.config.ts']

/** Refuses bundles that are missing or older than the sources, rather than test an old shell. */
export function assertBuiltFromCurrentSources(): void {
  for (const bundle of [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_PAGE]) {
    if (!existsSync(bundle))
      throw new Error(
        `${relative(REPO_ROOT, bundle)} is missing: run \`npm run build\` first (this test runs the built app)`,
      )
  }
  const builtAt = Math.min(statSync(MAIN_BUNDLE).mtimeMs, statSync(PRELOAD_BUNDLE).mtimeMs)
  const newer = SHELL_SOURCES.flatMap((source) => {
    const path = join(REPO_ROOT, source)
    if (!statSync(path).isDirectory()) return [path]
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => join(path, file))
  }).filter((file) => statSync(file).mtimeMs > builtAt)
  if (newer.length > 0) {
    const named = newer.slice(0, 3).map((file) => relative(REPO_ROOT, file))
    throw new Error(
      `out/ is older than ${named.join(', ')}: run \`npm run build\` first (this test runs the built app)`,
    )
  }
}
