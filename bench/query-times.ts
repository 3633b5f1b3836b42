/**
 * Per-query search times on one archive (`node bench/run-ts.mjs bench/query-times.ts [ARCHIVE_DIR]`):
 * for each query of the fixed mix, the median wall time and the median CPU time of this process
 * (SQLite works on a thread of it, so its CPU counts) over several runs of `Archive.search`, a page
 * of 20 hits. CPU time shows what a query costs when the machine is shared and the wall time waits.
 * The default archive is bench:scale's million-item one; opening it migrates it in place, as the
 * app would. Prints figures; asserts nothing.
 *
 * BENCH_QUERY_RUNS=n   timed runs per query (default 7), after one untimed
 * BENCH_QUERIES=a|b    only these queries (separated by |)
 */
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Archive } from '../src/main/archive/api'
import { DATABASE_FILE } from '../src/main/archive/paths'
import { QUERY_MIX } from './lib/queries'
import { benchCacheDir } from './lib/scale-archive'
import { formatMs, summarize } from './lib/stats'

const dir = resolve(process.argv[3] ?? join(benchCacheDir(process.env), 'scale-1000000'))
const runs = Number(process.env.BENCH_QUERY_RUNS ?? 7)
const only = process.env.BENCH_QUERIES?.split('|')

if (!existsSync(join(dir, DATABASE_FILE))) {
  console.error(`No archive in ${dir}: run bench:scale first, or name an archive folder.`)
  process.exitCode = 1
} else {
  const archive = await Archive.open({ dir })
  try {
    const lines = [`${dir}: median of ${runs} runs, wall and CPU (ms)`, '']
    for (const [label, queries] of Object.entries(QUERY_MIX)) {
      for (const query of queries) {
        if (only && !only.includes(query)) continue
        await archive.search({ query, limit: 20 })
        const wall: number[] = []
        const cpu: number[] = []
        for (let run = 0; run < runs; run++) {
          const cpuBefore = process.cpuUsage()
          const started = performance.now()
          await archive.search({ query, limit: 20 })
          wall.push(performance.now() - started)
          const used = process.cpuUsage(cpuBefore)
          cpu.push((used.user + used.system) / 1000)
        }
        lines.push(
          `  ${label.padEnd(12)} ${query.padEnd(28)} ${formatMs(summarize(wall).p50).padStart(10)} ${formatMs(summarize(cpu).p50).padStart(10)}`,
        )
      }
    }
    lines.push(
      '',
      `Load average (1, 5, 15 min): ${loadavg()
        .map((load) => load.toFixed(2))
        .join(', ')}`,
    )
    console.log(lines.join('\n'))
  } finally {
    await archive.close()
  }
}
