import { defineConfig } from 'vitest/config'

// `npm run bench:references -- DIR`: the reference round-trip benchmark runs as one long test.
export default defineConfig({
  test: {
    include: ['bench/references.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
