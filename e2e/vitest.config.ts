import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: real Chromium against the real production server. */
export default defineConfig({
  test: {
    name: 'e2e',
    reporters: process.env.VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
      : ['default'],
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 240_000,
    // One browser suite at a time: two cores are shared by server and Chromium.
    fileParallelism: false,
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
