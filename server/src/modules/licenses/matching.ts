import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { licenses, licenseTypes } from './tables.ts';

/** Type codes of the licenses each enterprise holds valid on `today` (all enterprises, or those given). */
export async function validLicenseCodesByEnterprise(db: DbOrTx, today: string, enterpriseIds?: string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectDistinct({ enterpriseId: licenses.enterpriseId, code: licenseTypes.code })
    .from(licenses)
    .innerJoin(licenseTypes, eq(licenseTypes.id, licenses.typeId))
    .where(
      and(
        isNull(licenses.revokedAt),
        isNull(licenses.supersededAt),
        lte(licenses.validFrom, today),
        or(isNull(licenses.validTo), gte(licenses.validTo, today)),
        enterpriseIds ? inArray(licenses.enterpriseId, enterpriseIds) : undefined,
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.enterpriseId);
    if (list) list.push(r.code);
    else out.set(r.enterpriseId, [r.code]);
  }
  return out;
}
