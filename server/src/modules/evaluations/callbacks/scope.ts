import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { getStaff } from '../../staff/service.ts';
import * as repo from './repository.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

export type ServiceDeps = { db: Db; config: Config };

/** Whose callbacks this staff member sees: every department's (evaluation.callback_all) or their department's and counter's. */
export async function scopeOf(db: Db, principal: StaffPrincipal): Promise<repo.CallbackScope> {
  if (principal.permissions.has('evaluation.callback_all')) return { kind: 'center' };
  const me = await getStaff(db, principal.id);
  return { kind: 'own', departmentId: principal.departmentId, counterId: me.counterId };
}

export function isInScope(scope: repo.CallbackScope, callback: Pick<repo.CallbackRow, 'departmentId' | 'counterId'>): boolean {
  if (scope.kind === 'center') return true;
  return (scope.departmentId !== null && callback.departmentId === scope.departmentId) || (scope.counterId !== null && callback.counterId === scope.counterId);
}

/** A callback the staff member may see; 404 for one of another center or out of their scope (its existence is not revealed). */
export async function callbackFor(db: DbOrTx, principal: StaffPrincipal, scope: repo.CallbackScope, id: string, options: { lock?: boolean } = {}): Promise<repo.CallbackRow> {
  const row = options.lock ? await repo.lockCallback(db, id) : await repo.findCallback(db, id);
  if (!row || !isCenterInScope(principal, row.centerId) || !isInScope(scope, row)) throw notFound('回访记录');
  return row;
}

