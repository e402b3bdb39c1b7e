import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { pointReceipts } from './tables.ts';

/**
 * Read-only SQL the points publish for other modules' queries: whether an application was received
 * at this nearby service point (the point's staff list what they received for the county, 委托受理).
 */
export const receivedAtPointSql = (applicationId: AnyColumn | SQL, centerId: string) =>
  sql`exists (select 1 from ${pointReceipts} r where r.application_id = ${applicationId} and r.center_id = ${centerId})`;
