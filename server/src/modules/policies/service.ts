import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { queueSms } from '../../platform/notifications/service.ts';
import { personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { contactPhonesOf, enterprisesByIds, enterprisesForMatching, getEnterpriseByUscc } from '../enterprises/service.ts';
import { validLicenseCodesByEnterprise } from '../licenses/service.ts';
import * as venue from '../venue/service.ts';
import { calculateAmount, describeAmountRule } from './amount.ts';
import type { AmountRule, ExplanationDto, PolicyDto, PolicyInput, PublicPolicyDto } from './contract.ts';
import { grantDto } from './grants/service.ts';
import { checkItemPublished, checkReferences, onlineApplicationOf } from './references.ts';
import { signature } from './texts.ts';
import { slotsOf } from './matcher/bitset.ts';
import * as repo from './repository.ts';
import { checkRule } from './rules/check.ts';
import { evaluateRule, explainRule, missingCondition, type EnterpriseAttributes } from './rules/evaluate.ts';
import type { Rule } from './rules/rule.ts';
import { describeCondition, describeSeen } from './rules/text.ts';
import { PolicyRuntime, toAttributes, type MatchChanges } from './runtime.ts';

/** Clause 6.2.2: the policy library, matching, precise push and 免申即享 grants. */

export type PolicyContext = { db: Db; config: Config; runtime: PolicyRuntime };

const staleVersion = () => new AppError('STALE_VERSION', '该政策已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

/** A rule as received, checked in full; throws naming the node of the first problem (and lists all). */
export function checkedRule(input: unknown): Rule {
  const checked = checkRule(input);
  if (checked.ok) return checked.rule;
  const first = checked.problems[0]!;
  throw new AppError(first.code, `资格规则有误：${first.message}`, checked.problems.map((p) => ({ field: p.path, message: p.message })));
}

/** The region of the staff member's center (the scope of previews and of the policies they create). */
export async function regionOf(db: Db, staff: StaffPrincipal): Promise<string | null> {
  if (!staff.centerId) return null;
  return (await venue.getCenter(db, staff.centerId)).regionCode;
}

export async function createPolicy(ctx: PolicyContext, staff: StaffPrincipal, input: PolicyInput): Promise<PolicyDto> {
  const rule = checkedRule(input.rule);
  checkValidityOrder(input.validFrom, input.validTo);
  await checkReferences(ctx.db, staff, input);
  const regionCode = (await regionOf(ctx.db, staff)) ?? '440000';
  const id = await repo.insertPolicy(ctx.db, { ...input, rule, regionCode, status: 'draft', createdBy: staff.displayName });
  return getPolicy(ctx.db, id);
}

export async function getPolicy(db: DbOrTx, id: string): Promise<PolicyDto> {
  const row = await repo.findPolicy(db, id);
  if (!row) throw notFound('政策');
  return toDto(row, (await repo.countMatches(db, [id])).get(id) ?? 0);
}

export async function listPolicies(db: DbOrTx, filter: Parameters<typeof repo.listPolicies>[1]) {
  const { total, rows } = await repo.listPolicies(db, filter);
  const counts = await repo.countMatches(db, rows.map((r) => r.id));
  return { total, items: rows.map((r) => toDto(r, counts.get(r.id) ?? 0)) };
}

/** Edits a policy; a published one is published again as a new version and re-matched at once. */
export async function updatePolicy(ctx: PolicyContext, staff: StaffPrincipal, id: string, patch: Partial<Omit<PolicyInput, 'rule'>> & { rule?: unknown; version: number }) {
  const current = await repo.findPolicy(ctx.db, id);
  if (!current) throw notFound('政策');
  if (current.status === 'withdrawn' || current.status === 'expired') throw new AppError('INVALID_STATE', '已撤回或已失效的政策不能修改');
  const { version, rule: ruleInput, ...changes } = patch;
  const rule = ruleInput === undefined ? (current.rule as Rule) : checkedRule(ruleInput);
  const next = { ...current, ...changes, rule };
  checkValidityOrder(next.validFrom, next.validTo);
  if (changes.departmentId !== undefined || changes.itemId !== undefined || changes.mode !== undefined) await checkReferences(ctx.db, staff, next);
  if (current.status === 'published') {
    checkPublishable(next);
    await checkItemPublished(ctx.db, next);
  }
  await ctx.runtime.ready();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updatePolicy(tx, id, version, { ...changes, rule }))) throw staleVersion();
    if (current.status === 'published') await republish(ctx, tx, staff, id, current.publishedVersion + 1);
  });
  if (current.status === 'published') await ctx.runtime.setPolicy(id, rule, current.regionCode);
  return getPolicy(ctx.db, id);
}

export async function publishPolicy(ctx: PolicyContext, staff: StaffPrincipal, id: string): Promise<PolicyDto> {
  const current = await repo.findPolicy(ctx.db, id);
  if (!current) throw notFound('政策');
  if (current.status !== 'draft') throw new AppError('INVALID_STATE', `政策当前状态为“${STATUS_NAMES[current.status]}”，只有草稿可以发布`);
  checkPublishable(current);
  await checkItemPublished(ctx.db, current);
  await ctx.runtime.ready();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updatePolicy(tx, id, current.version, { status: 'published', publishedAt: new Date() }))) throw staleVersion();
    await republish(ctx, tx, staff, id, current.publishedVersion + 1);
  });
  await ctx.runtime.setPolicy(id, current.rule as Rule, current.regionCode);
  return getPolicy(ctx.db, id);
}

export async function withdrawPolicy(ctx: PolicyContext, id: string, version: number): Promise<PolicyDto> {
  const current = await repo.findPolicy(ctx.db, id);
  if (!current) throw notFound('政策');
  if (current.status !== 'published') throw new AppError('INVALID_STATE', '只有已发布的政策可以撤回');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updatePolicy(tx, id, version, { status: 'withdrawn' }))) throw staleVersion();
    await repo.removeMatches(tx, id);
    await PolicyRuntime.announce(tx, id);
  });
  await ctx.runtime.removePolicy(id);
  return getPolicy(ctx.db, id);
}

/** Snapshot of the version, matches of the whole registry, pushes and grants for those newly matched. */
async function republish(ctx: PolicyContext, tx: DbOrTx, staff: StaffPrincipal, id: string, publishedVersion: number) {
  const row = (await repo.findPolicy(tx, id))!;
  await repo.updatePolicy(tx, id, row.version, { publishedVersion });
  const { version: _v, createdAt: _c, updatedAt: _u, ...content } = row;
  await repo.insertVersion(tx, { policyId: id, version: publishedVersion, content, publishedBy: staff.displayName });
  const matcher = await ctx.runtime.ready();
  const slots = slotsOf(matcher.evaluate(row.rule as Rule, row.regionCode));
  const now = new Set(slots.map((s) => ctx.runtime.enterpriseId(s)));
  const before = await repo.currentMatchIds(tx, id);
  await repo.removeMatches(tx, id, before.filter((e) => !now.has(e)));
  const gained = new Set(await repo.addMatches(tx, id, slots.map((s) => ({ enterpriseId: ctx.runtime.enterpriseId(s), uscc: matcher.columns.keys[s]! }))));
  const newly = slots.filter((s) => gained.has(ctx.runtime.enterpriseId(s)));
  await deliver(ctx, tx, (await repo.findPolicy(tx, id))!, newly.map((s) => ({ id: ctx.runtime.enterpriseId(s), attributes: ctx.runtime.attributes(s) })));
  await PolicyRuntime.announce(tx, id);
}

/** The runtime's sink: an enterprise's data changed and it gained or lost policies. */
export function persistChanges(ctx: Omit<PolicyContext, 'runtime'>) {
  return async (changes: MatchChanges, runtime: PolicyRuntime) => {
    const policies = new Map((await repo.findPoliciesByIds(ctx.db, changes.map((c) => c.policyId))).map((p) => [p.id, p]));
    await ctx.db.transaction(async (tx) => {
      for (const change of changes) {
        const policy = policies.get(change.policyId);
        if (policy?.status !== 'published') continue;
        await repo.removeMatches(tx, policy.id, change.lost.map((s) => runtime.enterpriseId(s)));
        const rows = change.gained.map((s) => ({ enterpriseId: runtime.enterpriseId(s), uscc: runtime.attributes(s).uscc }));
        const gained = new Set(await repo.addMatches(tx, policy.id, rows));
        const newly = change.gained.filter((s) => gained.has(runtime.enterpriseId(s)));
        await deliver({ ...ctx, runtime }, tx, policy, newly.map((s) => ({ id: runtime.enterpriseId(s), attributes: runtime.attributes(s) })));
      }
    });
  };
}

/** Why an enterprise qualifies, condition by condition, as the inbox shows it. */
export function reasonsOf(rule: Rule, e: EnterpriseAttributes, today: string): string[] {
  return explainRule(rule, e, today)
    .conditions.filter((c) => c.met !== c.negated)
    .map((c) => `${describeCondition(c.condition, c.negated)}（${describeSeen(c.condition, c.seen)}）`);
}

/**
 * For enterprises newly matching a published policy: an inbox message and an SMS (once per
 * enterprise and policy; none to those who opted out) and, for auto-grant policies, a grant.
 */
async function deliver(ctx: PolicyContext, tx: DbOrTx, policy: repo.PolicyRow, enterprises: { id: string; attributes: EnterpriseAttributes }[]) {
  if (enterprises.length === 0) return;
  const today = businessToday();
  const rule = policy.rule as Rule;
  const optedOut = await repo.optedOutAmong(tx, enterprises.map((e) => e.id));
  const pushed = await repo.insertPushes(
    tx,
    enterprises.filter((e) => !optedOut.has(e.id)).map((e) => ({ policyId: policy.id, enterpriseId: e.id, uscc: e.attributes.uscc, reasons: reasonsOf(rule, e.attributes, today) })),
  );
  const names = await enterprisesByIds(tx, enterprises.map((e) => e.id));
  const phones = await contactPhonesOf(tx, personalDataKeys(ctx.config), pushed.map((p) => p.enterpriseId));
  const texted: string[] = [];
  for (const p of pushed) {
    const phone = phones.get(p.enterpriseId);
    if (!phone) continue;
    const { queued } = await queueSms(tx, ctx.config, {
      phone,
      template: 'policy_matched',
      params: { center: signature(policy), enterprise: names.get(p.enterpriseId)?.name ?? '', policy: policy.title, action: policy.mode === 'auto' ? '免申即享，无需申请' : '欢迎申报' },
      related: { type: 'policy_push', id: p.id },
      dedupeKey: `policy:${policy.id}:push:${p.enterpriseId}`,
    });
    if (queued) texted.push(p.id);
  }
  await repo.markPushesSms(tx, texted);
  if (policy.mode === 'auto') {
    const amountRule = policy.amountRule as PolicyInput['amountRule'];
    await repo.insertGrants(
      tx,
      enterprises.map((e) => {
        const { amount, basis } = calculateAmount(amountRule, e.attributes);
        return { policyId: policy.id, enterpriseId: e.id, uscc: e.attributes.uscc, enterpriseName: names.get(e.id)?.name ?? '', amount: amount ?? 0, amountBasis: basis };
      }),
    );
  }
}

/** Pushes a published policy to one matching enterprise by hand (once; refused when it opted out). */
export async function pushToEnterprise(ctx: PolicyContext, id: string, uscc: string): Promise<{ pushed: boolean }> {
  const policy = await repo.findPolicy(ctx.db, id);
  if (!policy) throw notFound('政策');
  if (policy.status !== 'published') throw new AppError('INVALID_STATE', '只有已发布的政策可以推送');
  const enterprise = await getEnterpriseByUscc(ctx.db, uscc);
  if (await repo.isOptedOut(ctx.db, enterprise.id)) {
    throw new AppError('PUSH_OPTED_OUT', `企业“${enterprise.name}”已退订政策推送，不能再向其推送`, [{ field: 'uscc', message: '该企业已退订政策推送' }]);
  }
  const attributes = await freshAttributes(ctx.db, enterprise.id);
  if (!qualifies(policy, attributes)) throw new AppError('NOT_MATCHED', `企业“${enterprise.name}”不符合该政策的条件`, [{ field: 'uscc', message: '不符合政策条件' }]);
  if (await repo.findPush(ctx.db, id, enterprise.id)) return { pushed: false };
  await ctx.db.transaction(async (tx) => {
    await repo.addMatches(tx, id, [{ enterpriseId: enterprise.id, uscc: enterprise.uscc }]);
    await deliver(ctx, tx, policy, [{ id: enterprise.id, attributes }]);
  });
  return { pushed: true };
}

export async function preview(ctx: PolicyContext, staff: StaffPrincipal, ruleInput: unknown) {
  const rule = checkedRule(ruleInput);
  const region = await regionOf(ctx.db, staff);
  await ctx.runtime.settle();
  const matcher = await ctx.runtime.ready();
  const bits = matcher.evaluate(rule, region ?? undefined);
  const slots = slotsOf(bits);
  return { count: slots.length, sample: slots.slice(0, 10).map((s) => ({ uscc: matcher.columns.keys[s]! })) };
}

export async function listMatches(ctx: PolicyContext, id: string, page: number, pageSize: number) {
  const policy = await getPolicy(ctx.db, id);
  await ctx.runtime.settle();
  const rows = await repo.pageMatches(ctx.db, id, page, pageSize);
  const names = await enterprisesByIds(ctx.db, rows.map((r) => r.enterpriseId));
  return {
    total: policy.matchCount,
    page,
    pageSize,
    items: rows.map((r) => ({ uscc: r.uscc, enterpriseId: r.enterpriseId, name: names.get(r.enterpriseId)?.name ?? '', firstMatchedAt: r.firstMatchedAt.toISOString(), isPushed: r.pushId !== null })),
  };
}

export async function explain(db: Db, id: string, uscc: string): Promise<ExplanationDto> {
  const policy = await repo.findPolicy(db, id);
  if (!policy) throw notFound('政策');
  const enterprise = await getEnterpriseByUscc(db, uscc);
  const attributes = await freshAttributes(db, enterprise.id);
  const rule = policy.rule as Rule;
  const x = explainRule(rule, attributes, businessToday());
  const inRegion = attributes.districtCode.startsWith(regionPrefix(policy.regionCode));
  return {
    policyId: id,
    uscc: enterprise.uscc,
    name: enterprise.name,
    met: x.met && inRegion,
    inRegion,
    conditions: x.conditions.map((c) => ({
      path: c.path,
      field: c.condition.field,
      op: c.condition.op,
      value: c.condition.value,
      met: c.met,
      seen: c.seen,
      negated: c.negated,
      text: `${describeCondition(c.condition, c.negated)}：${c.met !== c.negated ? '满足' : '不满足'}（${describeSeen(c.condition, c.seen)}）`,
    })),
  };
}

export async function figures(db: Db, id: string) {
  await getPolicy(db, id);
  const f = await repo.pushFigures(db, id);
  return { matched: f.matched, sent: f.sent, read: f.read, applied: f.applied, granted: f.granted, optedOut: f.opted_out };
}

// ——— portal ———

export async function inbox(db: Db, uscc: string) {
  const rows = await repo.inboxOf(db, uscc);
  const grants = await repo.listGrants(db, { uscc, page: 1, pageSize: 500 });
  const byPolicy = new Map(grants.rows.map((r) => [r.grant.policyId, grantDto(r.grant, r.title)]));
  return rows.map(({ push, policy }) => ({
    id: push.id,
    policyId: policy.id,
    title: policy.title,
    issuingDepartment: policy.issuingDepartment,
    mode: policy.mode,
    validTo: policy.validTo,
    reasons: push.reasons as string[],
    sentAt: push.sentAt.toISOString(),
    readAt: push.readAt?.toISOString() ?? null,
    grant: byPolicy.get(policy.id) ?? null,
  }));
}

export async function markInboxRead(db: Db, uscc: string, id: string): Promise<void> {
  if (!(await repo.markRead(db, id, uscc))) throw notFound('消息');
}

export async function optOutOf(db: Db, uscc: string): Promise<{ optedOut: boolean }> {
  const enterprise = await getEnterpriseByUscc(db, uscc);
  return { optedOut: await repo.isOptedOut(db, enterprise.id) };
}

/** The explanation for the enterprise itself, of a policy it can see (published or expired). */
export async function explainOwn(db: Db, id: string, uscc: string): Promise<ExplanationDto> {
  const policy = await repo.findPolicy(db, id);
  if (!policy || (policy.status !== 'published' && policy.status !== 'expired')) throw notFound('政策');
  return explain(db, id, uscc);
}

export async function setOptOut(db: Db, uscc: string, optedOut: boolean): Promise<{ optedOut: boolean }> {
  const enterprise = await getEnterpriseByUscc(db, uscc);
  await repo.setOptOut(db, enterprise.id, enterprise.uscc, optedOut);
  return { optedOut };
}

export async function publishedPolicies(db: Db) {
  return (await repo.listByStatus(db, 'published')).map((p) => publicDto(p));
}

export async function publishedPolicy(db: Db, id: string) {
  const p = await repo.findPolicy(db, id);
  if (!p || (p.status !== 'published' && p.status !== 'expired')) throw notFound('政策');
  const online = p.status === 'published' ? await onlineApplicationOf(db, p) : null;
  return publicDto(
    p,
    online && {
      itemCode: online.itemCode,
      itemName: online.itemName,
      departmentName: online.departmentName,
      promisedLimitDays: online.promisedLimitDays,
      materials: online.guide.materials.map((m) => ({ name: m.name, importance: m.importance, notes: m.notes })),
    },
  );
}

/** The calculator: what an enterprise (its registry record, or attributes typed in) qualifies for, and near misses. */
export async function calculate(db: Db, attributes: EnterpriseAttributes) {
  const today = businessToday();
  const qualifying = [];
  const nearMisses = [];
  for (const p of await repo.listByStatus(db, 'published')) {
    const rule = p.rule as Rule;
    if (attributes.districtCode && !attributes.districtCode.startsWith(regionPrefix(p.regionCode))) continue;
    if (evaluateRule(rule, attributes, today)) {
      const { amount, basis } = calculateAmount(p.amountRule as PolicyInput['amountRule'], attributes);
      qualifying.push({ policyId: p.id, title: p.title, mode: p.mode, amount, amountBasis: basis });
    } else {
      const missing = missingCondition(rule, attributes, today);
      if (missing) nearMisses.push({ policyId: p.id, title: p.title, missing: `${describeCondition(missing.condition, missing.negated)}（当前：${describeSeen(missing.condition, missing.seen)}）` });
    }
  }
  return { qualifying, nearMisses };
}

export async function calculateFor(db: Db, uscc: string) {
  const enterprise = await getEnterpriseByUscc(db, uscc);
  return calculate(db, await freshAttributes(db, enterprise.id));
}

// ——— helpers (also used by apply/service.ts) ———

export async function freshAttributes(db: DbOrTx, enterpriseId: string): Promise<EnterpriseAttributes> {
  const [row] = await enterprisesForMatching(db, [enterpriseId]);
  if (!row) throw notFound('企业');
  const licenses = await validLicenseCodesByEnterprise(db, businessToday(), [enterpriseId]);
  return toAttributes(row, licenses.get(enterpriseId) ?? []);
}

export function qualifies(policy: repo.PolicyRow, e: EnterpriseAttributes): boolean {
  return e.districtCode.startsWith(regionPrefix(policy.regionCode)) && evaluateRule(policy.rule as Rule, e, businessToday());
}

const regionPrefix = (code: string) => code.replace(/(00)+$/, '');

const STATUS_NAMES = { draft: '草稿', published: '已发布', expired: '已失效', withdrawn: '已撤回' } as const;

function checkValidityOrder(from: string | null, to: string | null) {
  if (from && to && to < from) throw new AppError('VALIDATION_FAILED', '有效期结束日期早于开始日期', [{ field: 'validTo', message: '结束日期不能早于开始日期' }]);
}

function checkPublishable(p: { validFrom: string | null; validTo: string | null }) {
  if (!p.validFrom || !p.validTo) {
    const field = !p.validFrom ? 'validFrom' : 'validTo';
    throw new AppError('POLICY_NOT_PUBLISHABLE', '发布前须填写政策有效期（开始和结束日期）', [{ field, message: '请填写有效期' }]);
  }
  const today = businessToday();
  if (p.validTo < today) throw new AppError('POLICY_NOT_PUBLISHABLE', `政策有效期已于 ${p.validTo} 结束，不能发布`, [{ field: 'validTo', message: '有效期已过' }]);
}

function toDto(row: repo.PolicyRow, matchCount: number): PolicyDto {
  return {
    id: row.id,
    regionCode: row.regionCode,
    title: row.title,
    issuingDepartment: row.issuingDepartment,
    kind: row.kind,
    legalBasisName: row.legalBasisName,
    legalBasisNumber: row.legalBasisNumber,
    summary: row.summary,
    interpretation: row.interpretation,
    validFrom: row.validFrom,
    validTo: row.validTo,
    amountRule: row.amountRule as PolicyDto['amountRule'],
    amountText: describeAmountRule(row.amountRule as AmountRule),
    materials: row.materials as PolicyDto['materials'],
    mode: row.mode,
    departmentId: row.departmentId,
    itemId: row.itemId,
    rule: row.rule,
    status: row.status,
    publishedVersion: row.publishedVersion,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    matchCount,
  };
}

function publicDto(row: repo.PolicyRow, application: PublicPolicyDto['application'] = null): PublicPolicyDto {
  const { rule: _r, matchCount: _m, version: _v, status: _s, departmentId: _d, itemId: _i, ...rest } = toDto(row, 0);
  const conditions = explainRule(row.rule as Rule, EMPTY, businessToday()).conditions.map((c) => describeCondition(c.condition, c.negated));
  return { ...rest, conditions, isExpired: row.status === 'expired', application };
}

const EMPTY: EnterpriseAttributes = { uscc: '', industryCode: '', sizeClass: null, districtCode: '', town: '', registrationDate: null, employees: null, revenue: null, assets: null, tags: [], licenses: [], seriousBadCredit: false };
