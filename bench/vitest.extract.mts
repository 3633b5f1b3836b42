import { defineConfig } from 'vitest/config'

// `npm run bench:extract`: the extraction benchmark runs as one long test that prints its figures.
export default defineConfig({
  test: {
    include: ['bench/extract.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
