import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { sealPhoneIfAny, normalizePhone, type PersonalDataKeys } from './personal-data.ts';

/** The tables where earlier versions kept a visitor's phone in clear, in a column `phone`. */
export type PlainPhoneTable = 'tickets' | 'inquiries';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => (result as Rows<T>).rows;

async function hasPlainColumn(db: Db, table: PlainPhoneTable): Promise<boolean> {
  const found = await db.execute(sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = 'phone'`);
  return rowsOf(found).length > 0;
}

/** Another process dropped the column while this one was still sealing: its work is done. */
const isColumnGone = (err: unknown): boolean => (err as { code?: string; cause?: { code?: string } }).code === '42703' || (err as { cause?: { code?: string } }).cause?.code === '42703';

/**
 * Upgrade step (issue 18, item 15): every number an earlier version kept in `<table>.phone` is
 * stored encrypted, masked and hashed like every other phone number (one that is not a phone
 * number is dropped), and then the plain column itself is dropped. Migration 0034 drops it at
 * once where it was already empty; this step does it where numbers were still in clear, because
 * only the server holds the key. Idempotent and safe with several processes: a row another
 * process has sealed is skipped, and a column another process has dropped ends the step.
 * Returns how many numbers this call sealed.
 */
export async function sealPlainPhoneColumn(db: Db, keys: PersonalDataKeys, table: PlainPhoneTable): Promise<number> {
  if (!(await hasPlainColumn(db, table))) return 0;
  const name = sql.identifier(table);
  let sealed = 0;
  try {
    for (;;) {
      const batch = rowsOf<{ id: string; phone: string }>(await db.execute(sql`select id, phone from ${name} where phone is not null limit 1000`));
      if (batch.length === 0) break;
      for (const row of batch) {
        const s = sealPhoneIfAny(keys, normalizePhone(row.phone));
        const updated = await db.execute(sql`
          update ${name} set phone_cipher = ${s.phoneCipher}, phone_masked = ${s.phoneMasked}, phone_hash = ${s.phoneHash}, phone = null
          where id = ${row.id} and phone is not null returning id`);
        if (rowsOf(updated).length === 1) sealed++;
      }
    }
    await db.execute(sql`alter table ${name} drop column if exists phone`);
  } catch (err) {
    if (!isColumnGone(err)) throw err;
  }
  return sealed;
}
