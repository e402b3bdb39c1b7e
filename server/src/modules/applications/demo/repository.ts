import type { DbOrTx } from '../../../platform/db/database.ts';
import { insertRowsWithDefaults } from '../../../platform/db/bulk-insert.ts';
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
  await insertRowsWithDefaults(db, applications, rows.applications);
  await insertRowsWithDefaults(db, applicationMaterials, rows.materials);
  await insertRowsWithDefaults(db, applicationEvents, rows.events);
  await insertRowsWithDefaults(db, applicationNotices, rows.notices);
  await insertRowsWithDefaults(db, applicationSupplements, rows.supplements);
  await insertRowsWithDefaults(db, reviewTasks, rows.tasks);
  await insertRowsWithDefaults(db, specialProcedures, rows.procedures);
  await insertRowsWithDefaults(db, commitmentVerifications, rows.verifications);
  await insertRowsWithDefaults(db, deliveries, rows.deliveries);
}

