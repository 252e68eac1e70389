import { defineConfig } from 'vitest/config';

// The database-touching suites again, on PostgreSQL (`npm run test:postgres`): every open harness
// has its own schema on AGENTLINE_TEST_DATABASE_URL (default postgres@127.0.0.1:5432/test),
// emptied for the next harness of the same worker when it closes, dropped after each test file. Suites that never open a database (media, speech, carriers'
// serializers, agents) or that test SQLite itself are not repeated here; see EXCLUDED.

const ON_POSTGRES = [
  'test/postgres',
  'test/credits',
  'test/numbers',
  'test/calls',
  'test/sms',
  'test/crm',
  'test/support',
  'test/tasks',
  'test/webhooks',
  'test/idempotency',
  'test/chat',
  'test/http',
  'test/intents',
  'test/softphone',
  'test/realtime',
  'test/recordings',
];

/** Run on SQLite only, and why. */
const EXCLUDED = [
  // Migrates a SQLite file written by an older version (008's data rewrite), SQLite by design.
  'test/phones/phone-migration.test.ts',
];

export default defineConfig({
  test: {
    include: ON_POSTGRES.map((dir) => `${dir}/**/*.test.ts`),
    exclude: EXCLUDED,
    env: { AGENTLINE_TEST_DATABASE: 'postgres' },
    setupFiles: ['test/helpers/postgres-setup.ts'],
    // Every statement is a network round trip here: the bulk tests (thousands of rows) need longer.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
