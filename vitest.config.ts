import { defineConfig } from 'vitest/config';

/** Every test runs twice: on the embedded PGlite and on the PostgreSQL server; the browser tests once. */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'pglite', env: { TEST_DB: 'pglite' }, include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'postgres', env: { TEST_DB: 'postgres' }, include: ['test/**/*.test.ts'] } },
      // the web app in Debian's chromium, against a server on the embedded database
      { extends: true, test: { name: 'browser', env: { TEST_DB: 'pglite' }, include: ['e2e/**/*.test.ts'] } },
    ],
  },
});
