import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Two cores here and in CI: one worker per core keeps tfjs tests from starving each other.
    maxWorkers: 2,
  },
});
