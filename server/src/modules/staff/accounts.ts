import type { StaffAccounts } from '../../platform/auth/staff-accounts.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { centerAndBelow } from '../venue/service.ts';
import * as repo from './repository.ts';

/** Roles that oversee a region: their scope reaches the centers below their own (a county's towns). */
const REGION_ROLES = new Set(['center_manager', 'chief_officer', 'auditor']);

/** The centers a staff member reads and acts on (StaffPrincipal.centerScope). */
async function centerScope(db: DbOrTx, account: { roles: string[]; centerId: string | null }): Promise<readonly string[] | null> {
  if (account.roles.includes('administrator')) return null;
  // staff of the whole installation: the auditor reads all of it, any other role none of it
  if (account.centerId === null) return account.roles.includes('auditor') ? null : [];
  return account.roles.some((r) => REGION_ROLES.has(r)) ? centerAndBelow(db, account.centerId) : [account.centerId];
}

/** The staff accounts authentication signs in against; `buildApp` provides them to platform/auth. */
export const staffAccountsForAuth: StaffAccounts = {
  findLogin: repo.findLogin,
  load: async (db, id) => {
    const account = await repo.loadAccount(db, id);
    return account && { ...account, centerScope: await centerScope(db, account) };
  },
  setOwnPassword: repo.setOwnPassword,
};
