import type { StaffAccounts } from '../../platform/auth/staff-accounts.ts';
import * as repo from './repository.ts';

/** The staff accounts authentication signs in against; `buildApp` provides them to platform/auth. */
export const staffAccountsForAuth: StaffAccounts = {
  findLogin: repo.findLogin,
  load: repo.loadAccount,
  setOwnPassword: repo.setOwnPassword,
};
