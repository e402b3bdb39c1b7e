import type { DbOrTx } from '../../platform/db/database.ts';
import type { EnterpriseDetailDto, PersonDetailDto } from './contract.ts';
import { creditStatusOf } from './credit/service.ts';
import { enterprisesOfPerson, getPerson, listContacts } from './people/service.ts';
import { getEnterprise, getEnterpriseByUscc } from './registry/service.ts';

/**
 * The enterprises module as other modules use it: the registry, people, credit checks.
 * Applications call `mayUseCommitment` / `mayUseDeferredMaterials` before offering those
 * routes, and `recordCreditEntry` when a promise proves false or deferred materials are late.
 */
export { findEnterpriseByUscc, getEnterprise, getEnterpriseByUscc, enterprisesByIds, enterpriseIdsByUscc, searchEnterprises } from './registry/service.ts';
export { mayUseCommitment, mayUseDeferredMaterials, recordCreditEntry, type Applicant } from './credit/service.ts';
export { findOrCreatePerson, getPerson } from './people/service.ts';
export { lookupIndustry, industryByCode, industryTree } from './industry/industry-codes.ts';
export { contactPhonesOf, enterprisesForMatching, type MatchingAttributes } from './matching.ts';
export { personalDataKeys, type PersonalDataKeys } from '../../platform/personal-data/personal-data.ts';

/** An enterprise with its contacts (masked) and its credit records. */
export async function getEnterpriseDetail(db: DbOrTx, id: string): Promise<EnterpriseDetailDto> {
  const enterprise = await getEnterprise(db, id);
  return { ...enterprise, contacts: await listContacts(db, id), credit: await creditStatusOf(db, { enterpriseId: id }) };
}

/** The portal's profile: the signed-in enterprise's own record. */
export async function getOwnProfile(db: DbOrTx, uscc: string): Promise<EnterpriseDetailDto> {
  const enterprise = await getEnterpriseByUscc(db, uscc);
  return getEnterpriseDetail(db, enterprise.id);
}

export async function getPersonDetail(db: DbOrTx, id: string): Promise<PersonDetailDto> {
  const person = await getPerson(db, id);
  return { ...person, enterprises: await enterprisesOfPerson(db, id), credit: await creditStatusOf(db, { personId: id }) };
}

