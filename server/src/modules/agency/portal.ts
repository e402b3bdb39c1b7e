import type { EnterprisePrincipal } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import * as repo from './repository.ts';
import { runAction } from './requests.ts';
import { agreementOf, materialsOf, ownRequestFor, toSummary, type ServiceDeps } from './views.ts';
import { availableAgencyActions, type AgencyState } from './workflow.ts';

/** 我的帮办代办: the enterprise signed in on the portal sees, confirms and withdraws its own requests. */

export type PortalEnterprise = { id: string; name: string };

export async function portalEnterpriseOf(db: DbOrTx, principal: EnterprisePrincipal): Promise<PortalEnterprise> {
  const enterprise = await findEnterpriseByUscc(db, principal.uscc);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业库中没有贵企业的登记信息，请到窗口办理');
  return { id: enterprise.id, name: enterprise.name };
}

export async function listOwn(db: DbOrTx, enterprise: PortalEnterprise) {
  const rows = await repo.listOwnRequests(db, enterprise.id);
  const materials = await repo.listMaterials(db, rows.map((r) => r.id));
  return {
    items: rows.map((row) => ({
      ...toSummary(row),
      agreement: agreementOf(row),
      result: row.result,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      materials: materialsOf(materials.filter((m) => m.requestId === row.id)),
      actions: availableAgencyActions(row.state as AgencyState, 'enterprise'),
    })),
  };
}

export async function ownRequest(db: DbOrTx, enterprise: PortalEnterprise, id: string) {
  return ownRequestFor(db, enterprise.id, id);
}

const who = (enterprise: PortalEnterprise) => ({ kind: 'enterprise' as const, enterpriseId: enterprise.id, name: enterprise.name });

/** 确认办结: the enterprise confirms the result it received. */
export async function confirmOwn(deps: ServiceDeps, enterprise: PortalEnterprise, input: { id: string; version: number; note: string }) {
  await runAction(deps, who(enterprise), input, 'confirm', ({ now }) => ({ to: 'confirmed', patch: { confirmedAt: now, confirmationNote: input.note }, note: input.note }));
}

/** 撤回: before the agreement is signed. */
export async function withdrawOwn(deps: ServiceDeps, enterprise: PortalEnterprise, input: { id: string; version: number; reason: string }) {
  await runAction(deps, who(enterprise), input, 'withdraw', () => ({ to: 'withdrawn', patch: { reason: input.reason }, note: input.reason }));
}
