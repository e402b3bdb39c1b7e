import type { Logger } from 'drizzle-orm/logger';

/**
 * The statements a database handle has sent through Drizzle (its transactions' included), for
 * tests and benches that count the SQL of a request: read `count` before and after.
 */
export type StatementCount = {
  count: number;
  /** set to [] to record each statement's text too (diagnostics: which statements a request sends) */
  trace: string[] | null;
};

/** A Drizzle logger that only counts: one increment per statement, nothing printed. */
export function countingLogger(): { logger: Logger; statements: StatementCount } {
  const statements: StatementCount = { count: 0, trace: null };
  return {
    statements,
    logger: {
      logQuery(query) {
        statements.count += 1;
        statements.trace?.push(query);
      },
    },
  };
}
