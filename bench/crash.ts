/**
 * Crash bench: import 1,000 generated pages with the built CLI, kill it with SIGKILL at a random
 * point, check that the archive is whole and that importing again adds exactly the missing
 * pages; 20 rounds. Needs `npm run build`. Run: npx vitest run --config bench/vitest.config.mts
 * (CRASH_ROUNDS, CRASH_PAGES and CRASH_SEED override the defaults).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CLI_BUILD, cliIsBuilt, crashAndRecover, seededRandom } from '../tests/support/crash-harness'
import { tempFolder, writeSamplePages } from '../tests/support/helpers'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20)
const PAGES = Number(process.env.CRASH_PAGES ?? 1_000)
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000)

it.skipIf(!cliIsBuilt())(
  `crash bench: ${ROUNDS} SIGKILLs during an import of ${PAGES} pages (needs ${CLI_BUILD})`,
  async () => {
    const folder = await tempFolder('crash-bench')
    try {
      const pagesDir = join(folder.dir, 'pages')
      await mkdir(pagesDir)
      await writeSamplePages(pagesDir, PAGES)
      const random = seededRandom(SEED)
      let intact = 0
      const failures: string[] = []
      console.log(`seed ${SEED}`)
      for (let round = 1; round <= ROUNDS; round++) {
        const result = await crashAndRecover(join(folder.dir, `archive-${round}`), pagesDir, PAGES, random)
        const whole = result.problems.length === 0 && result.killed
        if (whole) intact++
        else
          failures.push(
            `round ${round}: ${result.killed ? result.problems.join('; ') : 'the import ended before the kill'}`,
          )
        console.log(
          `round ${String(round).padStart(2)}: killed at ${result.killedAfter} -> ${result.before.articles} stored, ` +
            `re-import added ${result.rerun.imported} (${result.rerun.duplicates} duplicates): ${whole ? 'intact' : 'NOT intact'}`,
        )
      }
      console.log(`${intact}/${ROUNDS} intact`)
      expect(failures).toEqual([])
    } finally {
      await folder.cleanup()
    }
  },
  3_600_000,
)
