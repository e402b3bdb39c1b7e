import { defineConfig } from 'vitest/config';

/**
 * `server`: unit tests and HTTP tests on the embedded PGlite database.
 * `server-postgres`: the HTTP tests again on PostgreSQL, when TEST_DATABASE_URL is set.
 * `browser`: Chromium against a running server (`.ci/run`, `npm run test:browser`).
 * The server projects run in a zone far from Shanghai on purpose: business dates must not depend on it.
 */
const serverEnv = { TZ: 'America/Los_Angeles' };
const httpTests = ['server/**/*.http.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          env: { ...serverEnv, BANSHI_TEST_DB: 'pglite' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'server-postgres',
                include: httpTests,
                environment: 'node',
                env: { ...serverEnv, BANSHI_TEST_DB: 'postgres' },
                globalSetup: ['server/test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['web/test/**/*.browser.test.ts'],
          environment: 'node',
          globalSetup: ['web/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
