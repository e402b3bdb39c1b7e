import type { DbOrTx } from '../db/database.ts';

/**
 * What authentication needs of staff accounts. The staff module owns the accounts (and their
 * table) and provides this at boot (`provideStaffAccounts`, called by `buildApp`), so the platform
 * depends on no module.
 */
export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  centerId: string | null;
  /** see StaffPrincipal.centerScope */
  centerScope: readonly string[] | null;
  departmentId: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  passwordHash: string;
};

export type StaffAccounts = {
  /** The account signing in with this username (any case). */
  findLogin(db: DbOrTx, username: string): Promise<Pick<StaffAccount, 'id' | 'passwordHash' | 'isActive'> | undefined>;
  load(db: DbOrTx, id: string): Promise<StaffAccount | undefined>;
  /** Sets a new password chosen by the staff member, which ends the "must change password" state. */
  setOwnPassword(db: DbOrTx, id: string, passwordHash: string): Promise<void>;
};

/**
 * The name of the process cache of staff accounts as sessions load them (platform/auth/service.ts):
 * whoever changes a staff account, or the centers a scope is made of, invalidates it.
 */
export const STAFF_ACCOUNTS_CACHE = 'staff-accounts';

let provided: StaffAccounts | null = null;

export function provideStaffAccounts(accounts: StaffAccounts): void {
  provided = accounts;
}

export function staffAccounts(): StaffAccounts {
  if (!provided) throw new Error('staff accounts are not provided: buildApp() calls provideStaffAccounts() at boot');
  return provided;
}
