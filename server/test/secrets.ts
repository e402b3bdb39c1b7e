/**
 * The secrets of the test runs (tests only: the product never falls back to a constant). The
 * template database is seeded with them and every test app is configured with them.
 */
export const TEST_SECRETS = {
  SESSION_SECRET: 'banshi-test-session-secret-used-by-tests-only',
  PERSONAL_DATA_KEY: '5d1e0c2a9b8f7e6d5c4b3a29180716253443526170819fa0b1c2d3e4f5061728',
  PERSONAL_DATA_HASH_KEY: 'e0f1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f',
  AUDIT_KEY: '7a3c9e1f5b2d4068a1c3e5f7092b4d6f8a0c2e4f6183a5c7e9f1b3d5f7092a4c',
} as const;
