import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PostgreSQL-only concurrency tests: `npm run test:postgres` (vitest.postgres.config.ts).
    exclude: ['test/postgres/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Two at once on the 2-core machine: most files spend their time waiting on sockets, timers
    // and real-time audio, so two overlap well (vitest would otherwise run one at a time here).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
