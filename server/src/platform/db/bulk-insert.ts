import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './database.ts';

/**
 * Inserts many rows in one statement whose only parameter is a JSON array, unpacked by
 * `jsonb_to_recordset`. On the embedded engine this is several times faster than multi-row
 * VALUES with thousands of bound parameters (measured: 5,000 enterprises in ≈0.3 s instead
 * of ≈1.6 s), which keeps loading the demo registry within the test set-up budget.
 * Keys are the table's property names; every row must have the same keys.
 */
export async function insertJsonRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: Record<string, unknown>[],
  returning: string[] = [],
  chunkSize = 5000,
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(rows[0]!);
  const defs = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: column.name, type: column.getSQLType() };
  });
  const names = sql.raw(defs.map((d) => `"${d.name}"`).join(', '));
  const recordType = sql.raw(defs.map((d) => `"${d.name}" ${d.type}`).join(', '));
  const returned = returning.map((key) => columns[key]!.name);
  const returningClause: SQL = returned.length ? sql.raw(` returning ${returned.map((n) => `"${n}"`).join(', ')}`) : sql.raw('');
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const json = JSON.stringify(rows.slice(i, i + chunkSize).map((row) => Object.fromEntries(defs.map((d) => [d.name, row[d.key] ?? null]))));
    const result = (await db.execute(
      sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as x(${recordType})${returningClause}`,
    )) as unknown as { rows: Record<string, unknown>[] };
    out.push(
      ...result.rows.map((r) => Object.fromEntries(returning.map((key, j) => [key, r[returned[j]!]]))),
    );
  }
  return out;
}

/**
 * Inserts many rows whose keys may differ: a key left out (or `undefined`) gets the column's
 * default. Rows are grouped by the keys they give; each group goes in statements of `chunkSize`
 * rows through `jsonb_populate_recordset`, which takes the column types from the table itself.
 */
export async function insertRowsWithDefaults(db: DbOrTx, table: PgTable, rows: Record<string, unknown>[], chunkSize = 1000): Promise<void> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((k) => row[k] !== undefined).sort().join(',');
    const group = groups.get(keys);
    if (group) group.push(row);
    else groups.set(keys, [row]);
  }
  const config = getTableConfig(table);
  const columnsOf = table as unknown as Record<string, { name?: string }>;
  for (const [keys, group] of groups) {
    const columns = keys
      .split(',')
      .filter((key) => config.columns.some((c) => c === (columnsOf[key] as never)))
      .map((key) => ({ key, name: columnsOf[key]!.name! }));
    const list = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
    for (let i = 0; i < group.length; i += chunkSize) {
      const json = JSON.stringify(group.slice(i, i + chunkSize).map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.key] ?? null]))));
      await db.execute(sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`);
    }
  }
}
