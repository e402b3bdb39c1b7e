import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/database.ts';
import {
  applicationEvents,
  applicationMaterials,
  applicationNotices,
  applications,
  applicationSupplements,
  commitmentVerifications,
  deliveries,
  reviewTasks,
  specialProcedures,
} from '../tables.ts';

/**
 * Batch inserts for the demo's few hundred applications. Each table's rows go in as one JSON
 * parameter unpacked by PostgreSQL (`jsonb_populate_recordset`): far fewer bound parameters than
 * a multi-row VALUES list, which is what makes seeding fast on the embedded engine.
 */

export type DemoRows = {
  applications: (typeof applications.$inferInsert)[];
  materials: (typeof applicationMaterials.$inferInsert)[];
  events: (typeof applicationEvents.$inferInsert)[];
  notices: (typeof applicationNotices.$inferInsert)[];
  supplements: (typeof applicationSupplements.$inferInsert)[];
  tasks: (typeof reviewTasks.$inferInsert)[];
  procedures: (typeof specialProcedures.$inferInsert)[];
  verifications: (typeof commitmentVerifications.$inferInsert)[];
  deliveries: (typeof deliveries.$inferInsert)[];
};

export async function insertDemoRows(db: DbOrTx, rows: DemoRows): Promise<void> {
  await insertJsonRows(db, applications, rows.applications);
  await insertJsonRows(db, applicationMaterials, rows.materials);
  await insertJsonRows(db, applicationEvents, rows.events);
  await insertJsonRows(db, applicationNotices, rows.notices);
  await insertJsonRows(db, applicationSupplements, rows.supplements);
  await insertJsonRows(db, reviewTasks, rows.tasks);
  await insertJsonRows(db, specialProcedures, rows.procedures);
  await insertJsonRows(db, commitmentVerifications, rows.verifications);
  await insertJsonRows(db, deliveries, rows.deliveries);
}

async function insertJsonRows(db: DbOrTx, table: PgTable, rows: Record<string, unknown>[]) {
  // Rows that leave a column out get its default: rows are grouped by the columns they give.
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((k) => row[k] !== undefined).sort().join(',');
    groups.set(keys, [...(groups.get(keys) ?? []), row]);
  }
  const config = getTableConfig(table);
  const columnsOf = table as unknown as Record<string, { name?: string }>;
  for (const [keys, group] of groups) {
    const columns = keys
      .split(',')
      .filter((key) => config.columns.some((c) => c === (columnsOf[key] as never)))
      .map((key) => ({ key, name: columnsOf[key]!.name! }));
    const json = JSON.stringify(group.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.key] ?? null]))));
    const list = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
    await db.execute(sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`);
  }
}
