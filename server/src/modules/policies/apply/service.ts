import type { Config } from '../../../config.ts';
import type { EnterprisePrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { applicationStates, onlineChecklist, receiveOnlineApplication } from '../../applications/service.ts';
import type { ApplicationStateDto } from '../../applications/contract.ts';
import { contactPhonesOf, enterprisesByIds, getOwnProfile } from '../../enterprises/service.ts';
import { licensesOfHolder } from '../../licenses/service.ts';
import { describeAmountRule } from '../amount.ts';
import type { AmountRule, ApplicationFormDto, ApplyBody, PolicyApplicationDto } from '../contract.ts';
import { onlineApplicationOf } from '../references.ts';
import * as repo from '../repository.ts';
import { explainRule } from '../rules/evaluate.ts';
import type { Rule } from '../rules/rule.ts';
import { describeCondition, describeSeen } from '../rules/text.ts';
import { freshAttributes, qualifies } from '../service.ts';

/**
 * Applications for apply-mode policies (issue 12, item 6). A policy names a 惠企政策 item of the
 * catalog (兑现事项); applying for the policy is an online application of that item, made through
 * the applications module: the center's clerk checks it, the item's department reviews it within
 * the item's promised time limit, and the enterprise follows it on the portal. This module only
 * records which policy each application is for (the push figure `applied` counts them).
 */

type Deps = { db: Db; config: Config };

/** The portal's form: the policy, the item, the enterprise's registered data and, per material, its valid e-license of that type. */
export async function applicationFormFor(deps: Deps, uscc: string, policyId: string, answers: Record<string, string>): Promise<ApplicationFormDto> {
  const { policy, online } = await applicablePolicy(deps.db, policyId);
  const enterprise = await getOwnProfile(deps.db, uscc);
  const phone = (await contactPhonesOf(deps.db, personalDataKeys(deps.config), [enterprise.id])).get(enterprise.id) ?? null;
  const licenses = await licensesOfHolder(deps.db, enterprise.id, { isValidOnly: true });
  const known = Object.fromEntries(Object.entries(answers).filter(([k, v]) => online.guide.situations.some((q) => q.key === k && q.options.some((o) => o.key === v))));
  return {
    policy: { id: policy.id, title: policy.title, issuingDepartment: policy.issuingDepartment, amountText: describeAmountRule(policy.amountRule as AmountRule) },
    item: { code: online.itemCode, name: online.itemName, departmentName: online.departmentName, promisedLimitDays: online.promisedLimitDays },
    applicant: {
      uscc: enterprise.uscc,
      name: enterprise.name,
      legalRepresentative: enterprise.legalRepresentative,
      address: enterprise.registeredAddress,
      industry: enterprise.industry ? `${enterprise.industry.code} ${enterprise.industry.name}` : '',
      sizeClass: enterprise.sizeClass,
      employees: enterprise.employees,
      revenue: enterprise.revenue,
      contactPhoneMasked: phone ? maskPhone(phone) : null,
    },
    materials: onlineChecklist(online.guide, online.itemCode, known).map((m) => {
      const license = m.licenseType ? licenses.find((l) => l.type.code === m.licenseType && l.status === 'valid') : undefined;
      return {
        key: m.key,
        name: m.name,
        importance: m.importance,
        requirement: m.requirement,
        licenseType: m.licenseType,
        license: license ? { id: license.id, number: license.number, typeName: license.type.name, validTo: license.validTo } : null,
      };
    }),
    questions: online.guide.situations.map((q) => ({ key: q.key, text: q.text, options: q.options.map((o) => ({ key: o.key, label: o.label })) })),
    existing: await openApplicationOf(deps.db, policy.id, enterprise.id),
  };
}

/** Applies online for a policy: refused when the policy is not open for online application, the enterprise does not qualify, or it applied already. */
export async function applyForPolicy(deps: Deps, principal: EnterprisePrincipal, policyId: string, body: ApplyBody): Promise<{ applicationId: string; number: string }> {
  const { policy, online } = await applicablePolicy(deps.db, policyId);
  const enterprise = await getOwnProfile(deps.db, principal.uscc);
  const attributes = await freshAttributes(deps.db, enterprise.id);
  if (!qualifies(policy, attributes)) {
    const unmet = explainRule(policy.rule as Rule, attributes, businessToday()).conditions.filter((c) => c.met === c.negated);
    const lacking = unmet.map((c) => `${describeCondition(c.condition, c.negated)}（当前：${describeSeen(c.condition, c.seen)}）`);
    throw new AppError('NOT_MATCHED', `根据企业库登记的信息，贵企业不符合该政策的条件${lacking.length ? `：${lacking.join('；')}` : '（不在政策适用地区）'}。如信息有误，请先到窗口更新企业信息`, [{ field: 'policyId', message: '不符合政策条件' }]);
  }
  const already = await openApplicationOf(deps.db, policy.id, enterprise.id);
  if (already) throw alreadyApplied(already);
  const created = await receiveOnlineApplication(
    deps,
    { enterpriseId: enterprise.id, uscc: enterprise.uscc, name: enterprise.name },
    { centerId: online.centerId, itemCode: online.itemCode, answers: body.answers, contactPhone: body.contactPhone || null, materials: body.materials, subject: { title: policy.title, detail: { policyId: policy.id } } },
    async (tx, app) => {
      // two submissions at once: the second waits here, then finds the first
      await repo.lockPolicyApplications(tx, policy.id, enterprise.id);
      const open = await openApplicationOf(tx, policy.id, enterprise.id);
      if (open) throw alreadyApplied(open);
      await repo.insertPolicyApplication(tx, { applicationId: app.id, policyId: policy.id, enterpriseId: enterprise.id, uscc: enterprise.uscc });
    },
  );
  return { applicationId: created.id, number: created.number };
}

/** The enterprise's applications for policies, newest first, with where each stands. */
export async function ownPolicyApplications(db: Db, uscc: string): Promise<PolicyApplicationDto[]> {
  return withStates(db, await repo.policyApplicationsOf(db, { uscc }));
}

/** The applications made for one policy (the policy page of the policy officer and the department). */
export async function applicationsOfPolicy(db: Db, policyId: string): Promise<PolicyApplicationDto[]> {
  if (!(await repo.findPolicy(db, policyId))) throw notFound('政策');
  return withStates(db, await repo.policyApplicationsOf(db, { policyId }));
}

async function withStates(db: DbOrTx, links: Awaited<ReturnType<typeof repo.policyApplicationsOf>>): Promise<PolicyApplicationDto[]> {
  const states = await applicationStates(db, links.map((l) => l.applicationId));
  const names = await enterprisesByIds(db, links.map((l) => l.enterpriseId));
  return links.flatMap((l) => {
    const s = states.get(l.applicationId);
    return s ? [{ ...s, policyId: l.policyId, policyTitle: l.title, uscc: l.uscc, enterpriseName: names.get(l.enterpriseId)?.name ?? '', appliedAt: l.createdAt.toISOString() }] : [];
  });
}

/** An application of the enterprise for the policy that is still open or succeeded (one that failed does not stop a new one). */
async function openApplicationOf(db: DbOrTx, policyId: string, enterpriseId: string): Promise<ApplicationStateDto | null> {
  const links = await repo.policyApplicationsOf(db, { policyId, enterpriseId });
  const states = await applicationStates(db, links.map((l) => l.applicationId));
  return [...states.values()].find((s) => !s.isUnsuccessful) ?? null;
}

const alreadyApplied = (a: ApplicationStateDto) =>
  new AppError('ALREADY_APPLIED', `贵企业已申报该政策（办件编号 ${a.number}，${a.stateLabel}），不能重复申报`, [{ field: 'policyId', message: '已申报' }]);

async function applicablePolicy(db: Db, policyId: string) {
  const policy = await repo.findPolicy(db, policyId);
  if (!policy || policy.status === 'draft' || policy.status === 'withdrawn') throw notFound('政策');
  if (policy.status !== 'published') throw new AppError('INVALID_STATE', '该政策已过有效期，不能申报', [{ field: 'policyId', message: '政策已失效' }]);
  if (policy.mode !== 'apply') throw new AppError('ONLINE_NOT_OFFERED', '该政策为免申即享，无需申报：符合条件的企业由承办部门核定后直接兑现', [{ field: 'policyId', message: '免申即享政策无需申报' }]);
  const online = await onlineApplicationOf(db, policy);
  if (!online) throw new AppError('ONLINE_NOT_OFFERED', '该政策暂未开通网上申报，请到惠企政策兑现窗口办理', [{ field: 'policyId', message: '未开通网上申报' }]);
  return { policy, online };
}
