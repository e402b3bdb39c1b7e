import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { contactPhonesOf } from '../../enterprises/service.ts';
import { getDepartment } from '../../staff/service.ts';
import { yuan } from '../amount.ts';
import type { GrantDto } from '../contract.ts';
import * as repo from '../repository.ts';
import { signature } from '../texts.ts';

/**
 * 免申即享 grants (issue 12, item 5): made for each enterprise an auto-grant policy matches; the
 * department the policy names verifies them (confirm, or reject with a reason), one by one or in
 * bulk, then records the disbursement; the enterprise is told by SMS at each step.
 */

type PolicyContext = { db: Db; config: Config };

export async function listGrants(db: DbOrTx, staff: StaffPrincipal, filter: Omit<Parameters<typeof repo.listGrants>[1], 'departmentId'> & { scope: 'all' | 'mine' }) {
  const { scope, ...rest } = filter;
  const { total, rows } = await repo.listGrants(db, { ...rest, departmentId: scope === 'mine' ? staff.departmentId : undefined });
  return { total, items: rows.map((r) => grantDto(r.grant, r.title)) };
}

/** Confirms or rejects pending grants, all or none: a grant decided before refuses the whole request. */
export async function verifyGrants(ctx: PolicyContext, staff: StaffPrincipal, ids: string[], decision: 'confirm' | 'reject', reason: string): Promise<GrantDto[]> {
  if (decision === 'reject' && !reason.trim()) throw new AppError('VALIDATION_FAILED', '驳回须填写理由', [{ field: 'reason', message: '请填写驳回理由' }]);
  const unique = [...new Set(ids)];
  const found = await repo.findGrants(ctx.db, unique);
  if (found.length !== unique.length) throw notFound('资金发放记录');
  const decided = found.filter((g) => g.status !== 'pending');
  if (decided.length > 0) {
    throw new AppError('ALREADY_VERIFIED', `${decided.map((g) => g.enterpriseName).join('、')}的发放记录已核定，不能重复核定`, decided.map((g) => ({ field: `ids.${g.id}`, message: '已核定' })));
  }
  const policies = new Map((await repo.findPoliciesByIds(ctx.db, [...new Set(found.map((g) => g.policyId))])).map((p) => [p.id, p]));
  for (const policy of policies.values()) await assertVerifier(ctx.db, staff, policy);
  const rows = await ctx.db.transaction(async (tx) => {
    const changed = await repo.decideGrants(tx, unique, { status: decision === 'confirm' ? 'confirmed' : 'rejected', rejectReason: decision === 'reject' ? reason.trim() : '', verifiedBy: staff.displayName });
    if (changed.length !== unique.length) throw new AppError('ALREADY_VERIFIED', '部分发放记录已被他人核定，请刷新后重试');
    const phones = await contactPhonesOf(tx, personalDataKeys(ctx.config), changed.map((g) => g.enterpriseId));
    for (const g of changed) {
      const phone = phones.get(g.enterpriseId);
      const policy = policies.get(g.policyId)!;
      if (phone) {
        await queueSms(tx, ctx.config, {
          phone,
          template: 'policy_grant_decided',
          params: { center: signature(policy), enterprise: g.enterpriseName, policy: policy.title, amount: yuan(g.amount), result: g.status === 'confirmed' ? '经核定通过，将按程序拨付' : `未通过核定，理由：${g.rejectReason}` },
          related: { type: 'policy_grant', id: g.id },
          dedupeKey: `policy_grant:${g.id}:decided`,
        });
      }
    }
    return changed;
  });
  return rows.map((g) => grantDto(g, policies.get(g.policyId)!.title));
}

export async function setDisbursement(ctx: PolicyContext, staff: StaffPrincipal, id: string, disbursement: 'in_progress' | 'disbursed' | 'failed'): Promise<GrantDto> {
  const [current] = await repo.findGrants(ctx.db, [id]);
  if (!current) throw notFound('资金发放记录');
  await assertVerifier(ctx.db, staff, (await repo.findPolicy(ctx.db, current.policyId))!);
  if (current.status !== 'confirmed') throw new AppError('INVALID_STATE', '只有核定通过的发放记录可以登记拨付');
  if (current.disbursement === 'disbursed') throw new AppError('INVALID_STATE', '该笔资金已拨付');
  const policy = (await repo.findPolicy(ctx.db, current.policyId))!;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.setDisbursement(tx, id, disbursement);
    if (!updated) throw new AppError('INVALID_STATE', '只有核定通过的发放记录可以登记拨付');
    const phone = disbursement === 'disbursed' ? (await contactPhonesOf(tx, personalDataKeys(ctx.config), [updated.enterpriseId])).get(updated.enterpriseId) : undefined;
    if (phone) {
      await queueSms(tx, ctx.config, {
        phone,
        template: 'policy_grant_disbursed',
        params: { center: signature(policy), enterprise: updated.enterpriseName, policy: policy.title, amount: yuan(updated.amount) },
        related: { type: 'policy_grant', id },
        dedupeKey: `policy_grant:${id}:disbursed`,
      });
    }
    return updated;
  });
  return grantDto(row, policy.title);
}

/** The enterprise's own 免申即享 grants, newest first. */
export async function grantsOf(db: Db, uscc: string): Promise<GrantDto[]> {
  const { rows } = await repo.listGrants(db, { uscc, page: 1, pageSize: 500 });
  return rows.map((r) => grantDto(r.grant, r.title));
}

/**
 * Grants are verified by the department the policy names (its chief officers), or, when it names
 * none (the issuing department is not settled in the center), by any chief officer of the center.
 */
async function assertVerifier(db: Db, staff: StaffPrincipal, policy: repo.PolicyRow): Promise<void> {
  if (!policy.departmentId || policy.departmentId === staff.departmentId) return;
  const department = await getDepartment(db, policy.departmentId).catch(() => null);
  throw new AppError('FORBIDDEN', `“${policy.title}”的发放记录由${department?.name ?? '承办部门'}核定`);
}

export function grantDto(g: repo.GrantRow, policyTitle: string): GrantDto {
  return {
    id: g.id,
    policyId: g.policyId,
    policyTitle,
    uscc: g.uscc,
    enterpriseName: g.enterpriseName,
    amount: g.amount,
    amountBasis: g.amountBasis,
    status: g.status,
    rejectReason: g.rejectReason,
    verifiedBy: g.verifiedBy,
    verifiedAt: g.verifiedAt?.toISOString() ?? null,
    disbursement: g.disbursement,
    disbursedAt: g.disbursedAt?.toISOString() ?? null,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
  };
}
