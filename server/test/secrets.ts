/**
 * The secrets of the test runs (tests only: the product never falls back to a constant). The
 * template database is seeded with them and every test app is configured with them.
 */
export const TEST_SECRETS = {
  SESSION_SECRET: 'banshi-test-session-secret-used-by-tests-only',
  PERSONAL_DATA_KEY: '5d1e0c2a9b8f7e6d5c4b3a29180716253443526170819fa0b1c2d3e4f5061728',
  PERSONAL_DATA_HASH_KEY: 'e0f1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f',
} as const;
