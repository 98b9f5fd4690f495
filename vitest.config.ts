import { defineConfig } from 'vitest/config'

// Tests run in Node: model tests need no browser, relay tests spawn the real relay,
// browser tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
