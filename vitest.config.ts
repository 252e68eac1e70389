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
    // Files share a worker's module graph instead of importing the whole app afresh each (two
    // seconds of every file on a slow machine). Nothing in the suite mocks modules, fakes timers
    // or stubs globals, and every file makes its own app, database and servers.
    isolate: false,
    reporters: ['default'],
  },
});
