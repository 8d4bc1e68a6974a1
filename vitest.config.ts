import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI (and a browser, a terminal): give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
