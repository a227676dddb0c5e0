import { defineConfig } from 'vitest/config';

// Projects: `unit` (pure logic), `api` (app.inject on SQLite and PGlite),
// `api-pg` (the same API suite on real PostgreSQL, HMS_TEST_DATABASE_URL),
// `e2e` (a real Chromium against the built app).
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Vitest would use one worker on a 2-core machine; the API tests wait on I/O and argon2's thread pool too.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.unit.test.ts', 'shared/**/*.test.ts', 'web/**/*.unit.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.test.ts'],
          exclude: ['server/**/*.unit.test.ts'],
          env: { TZ: 'UTC', HMS_TEST_DIALECTS: process.env['HMS_TEST_DIALECTS'] ?? 'sqlite,pglite' },
          globalSetup: ['server/src/test/build-server.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'api-pg',
          include: ['server/**/*.test.ts'],
          // The CLI and the server process run on the embedded SQLite database only.
          exclude: ['server/**/*.unit.test.ts', 'server/src/cli/**', 'server/src/serve.test.ts'],
          env: { TZ: 'UTC', HMS_TEST_DIALECTS: 'postgres' },
          globalSetup: ['server/src/test/build-server.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
