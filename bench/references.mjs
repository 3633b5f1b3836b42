// `npm run bench:references -- DIR`: runs bench/references.ts under vitest with DIR as REFERENCES_DIR.
import { spawnSync } from 'node:child_process'

const [dir] = process.argv.slice(2)
const result = spawnSync('vitest', ['run', '--config', 'bench/vitest.references.mts'], {
  stdio: 'inherit',
  env: { ...process.env, ...(dir ? { REFERENCES_DIR: dir } : {}) },
})
process.exit(result.status ?? 1)
