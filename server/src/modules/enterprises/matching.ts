import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { decryptField, type PersonalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { creditRecords, enterpriseContacts, enterprises, people } from './tables.ts';

/** What the policy matcher reads of an enterprise (its e-licenses come from the licenses module). */
export type MatchingAttributes = {
  id: string;
  uscc: string;
  industryCode: string;
  sizeClass: 'large' | 'medium' | 'small' | 'micro' | null;
  districtCode: string;
  town: string;
  registrationDate: string | null;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  tags: string[];
  /** holds an unrepaired serious bad-credit record */
  seriousBadCredit: boolean;
};

/** Every enterprise (or those given) with the attributes eligibility rules read. */
export async function enterprisesForMatching(db: DbOrTx, ids?: string[]): Promise<MatchingAttributes[]> {
  const bad = sql<boolean>`exists (select 1 from ${creditRecords} where ${and(
    eq(creditRecords.enterpriseId, enterprises.id),
    eq(creditRecords.kind, 'serious_bad_credit'),
    isNull(creditRecords.repairedOn),
  )})`;
  const rows = await db
    .select({
      id: enterprises.id,
      uscc: enterprises.uscc,
      industryCode: enterprises.industryCode,
      sizeClass: enterprises.sizeClass,
      districtCode: enterprises.districtCode,
      town: enterprises.town,
      registrationDate: enterprises.registrationDate,
      employees: enterprises.employees,
      revenue: enterprises.revenue,
      assets: enterprises.assets,
      tags: enterprises.tags,
      seriousBadCredit: bad,
    })
    .from(enterprises)
    .where(ids ? inArray(enterprises.id, ids) : undefined)
    .orderBy(enterprises.uscc);
  return rows.map((r) => ({ ...r, revenue: r.revenue === null ? null : Number(r.revenue), assets: r.assets === null ? null : Number(r.assets), seriousBadCredit: Boolean(r.seriousBadCredit) }));
}

/** Phones (in clear) to text each enterprise on, for those that have one: contact, else legal representative, else agent. */
export async function contactPhonesOf(db: DbOrTx, keys: PersonalDataKeys, enterpriseIds: string[]): Promise<Map<string, string>> {
  const order = ['contact', 'legal_representative', 'agent', 'applicant'];
  const out = new Map<string, string>();
  for (let i = 0; i < enterpriseIds.length; i += 1000) {
    const rows = await db
      .select({ enterpriseId: enterpriseContacts.enterpriseId, role: enterpriseContacts.role, cipher: people.phoneCipher })
      .from(enterpriseContacts)
      .innerJoin(people, eq(people.id, enterpriseContacts.personId))
      .where(and(inArray(enterpriseContacts.enterpriseId, enterpriseIds.slice(i, i + 1000)), isNotNull(people.phoneCipher)));
    rows.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    for (const r of rows) if (!out.has(r.enterpriseId)) out.set(r.enterpriseId, decryptField(keys, 'phone', r.cipher!));
  }
  return out;
}
