import { afterAll } from 'vitest';
import { dropIdleSchemas } from './test-database.js';

// vitest.postgres.config.ts: once a test file is done, the schemas its harnesses left for reuse go.
afterAll(async () => {
  await dropIdleSchemas();
});
