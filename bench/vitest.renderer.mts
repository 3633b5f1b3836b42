import { defineConfig } from 'vitest/config'

// `npm run bench:ui`: the renderer bench runs as one long test that prints its figures.
export default defineConfig({
  test: {
    include: ['bench/renderer.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
})
