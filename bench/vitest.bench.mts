import { defineConfig } from 'vitest/config'

// `npm run bench:search`: the search benchmark runs as one long test that prints its figures.
export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
