import { defineConfig } from 'vitest/config'

// Benches are slow and need the built CLI; `npm run test:unit` does not pick them up.
export default defineConfig({
  test: {
    include: ['bench/crash.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 3_600_000,
  },
})
