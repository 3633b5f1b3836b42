// Runs a TypeScript bench script with its command-line arguments (Node 20 cannot load .ts itself):
// `node bench/run-ts.mjs bench/extract-snapshot.ts ARGS...`. Vite's module runner compiles the script and
// what it imports; packages load from node_modules as usual. The script sets process.exitCode itself.
import { resolve } from 'node:path'
import { runnerImport } from 'vite'

const script = process.argv[2]
if (!script) {
  console.error('usage: node bench/run-ts.mjs SCRIPT.ts [ARGS...]')
  process.exit(2)
}
await runnerImport(resolve(script), { configFile: false, logLevel: 'error' })
