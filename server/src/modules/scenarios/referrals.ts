import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import type { OutcomeInput, OwnReferral, PortalReferralInput, ProviderKind, RatingInput, ReferralDto, StaffReferralInput } from './contract.ts';
import { approvedProvider, type ServiceDeps } from './providers.ts';
import * as repo from './repository.ts';
import { publishedScenarioOf } from './scenarios.ts';
import { nextOutcome, type Outcome } from './workflow.ts';

/**
 * 对接 (6.3.6): an enterprise referred to an approved provider — by itself on the portal (我要对接)
 * or by staff on its behalf — its outcome recorded by staff (their own finding, or what the
 * provider's contact reported), and the enterprise's one rating of the provider once served.
 */

/** 我要对接: the enterprise signed in on the portal asks for a referral to a provider of the portal's center. */
export async function referOwn(deps: ServiceDeps, enterprise: EnterprisePrincipal, input: PortalReferralInput, now = new Date()): Promise<OwnReferral> {
  const provider = await approvedProvider(deps.db, null, input.providerId, 'providerId');
  if (input.scenarioId) await publishedScenarioOf(deps.db, provider.centerId, input.scenarioId);
  const registered = await findEnterpriseByUscc(deps.db, enterprise.uscc);
  if (!registered) throw new AppError('ENTERPRISE_NOT_REGISTERED', '贵企业不在企业库中，请到中心登记后再申请对接');
  const id = await repo.insertReferral(deps.db, {
    centerId: provider.centerId,
    providerId: provider.id,
    scenarioId: input.scenarioId,
    enterpriseId: registered.id,
    uscc: registered.uscc,
    enterpriseName: registered.name,
    need: input.need,
    channel: 'portal',
    createdAt: now,
  });
  return ownReferral(deps, enterprise, id);
}

/** Staff refer an enterprise of the registry on its behalf, to an approved provider of their center. */
export async function referFor(deps: ServiceDeps, principal: StaffPrincipal, input: StaffReferralInput, now = new Date()): Promise<ReferralDto> {
  if (!principal.centerId) throw forbidden('您未被分配到服务中心，不能登记对接');
  const provider = await approvedProvider(deps.db, principal.centerId, input.providerId, 'providerId');
  if (input.scenarioId) await publishedScenarioOf(deps.db, provider.centerId, input.scenarioId);
  const enterprise = await findEnterpriseByUscc(deps.db, input.uscc);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_REGISTERED', '该统一社会信用代码不在企业库中', [{ field: 'uscc', message: '该统一社会信用代码不在企业库中' }]);
  const id = await repo.insertReferral(deps.db, {
    centerId: provider.centerId,
    providerId: provider.id,
    scenarioId: input.scenarioId,
    enterpriseId: enterprise.id,
    uscc: enterprise.uscc,
    enterpriseName: enterprise.name,
    need: input.need,
    channel: 'staff',
    referredBy: principal.id,
    createdAt: now,
  });
  return getReferral(deps, principal, id);
}

/** 对接结果: 已服务 or 未达成, once, from 对接中. */
export async function recordOutcome(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: OutcomeInput, now = new Date()): Promise<ReferralDto> {
  const row = await referralFor(deps.db, principal, id);
  const outcome = nextOutcome(row.outcome as Outcome, input.outcome);
  if (outcome === 'not_reached' && input.note === '') throw invalidField('note', '请填写未达成的原因');
  const patch = { outcome, outcomeNote: input.note, outcomeSource: input.source, outcomeBy: principal.id, outcomeAt: now };
  if (row.version !== input.version || !(await repo.recordOutcome(deps.db, id, input.version, patch))) {
    throw new AppError('STALE_VERSION', '该对接已被他人更新，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  return getReferral(deps, principal, id);
}

/** 评价: 1–5 with a comment, once, by the referred enterprise, after the outcome is 已服务. */
export async function rate(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string, input: RatingInput, now = new Date()): Promise<OwnReferral> {
  const row = await ownRow(deps.db, enterprise, id);
  if (row.rating !== null) throw new AppError('ALREADY_RATED', '您已评价过该服务机构的这次服务', [{ field: 'rating', message: '已评价' }]);
  if (row.outcome !== 'served') throw new AppError('SERVICE_NOT_FINISHED', '服务机构尚未完成服务，完成后才能评价', [{ field: 'rating', message: '尚未服务' }]);
  if (!(await repo.rateReferral(deps.db, id, input.rating, input.comment, now))) throw new AppError('ALREADY_RATED', '您已评价过该服务机构的这次服务', [{ field: 'rating', message: '已评价' }]);
  return ownReferral(deps, enterprise, id);
}

export async function listReferrals(deps: ServiceDeps, principal: StaffPrincipal, q: { outcome?: Outcome; providerId?: string }): Promise<ReferralDto[]> {
  if (!principal.centerId) return [];
  return (await repo.listReferrals(deps.db, { centerId: principal.centerId, ...q })).map(toDto);
}

export async function getReferral(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<ReferralDto> {
  return toDto(await referralFor(deps.db, principal, id));
}

export async function ownReferrals(deps: ServiceDeps, enterprise: EnterprisePrincipal): Promise<OwnReferral[]> {
  return (await repo.listReferrals(deps.db, { uscc: enterprise.uscc })).map(toOwn);
}

export async function ownReferral(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string): Promise<OwnReferral> {
  return toOwn(await ownRow(deps.db, enterprise, id));
}

/** someone else's referral answers 404, as one that does not exist */
async function ownRow(db: DbOrTx, enterprise: EnterprisePrincipal, id: string): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(db, id);
  if (!row || row.uscc !== enterprise.uscc) throw notFound('对接记录');
  return row;
}

async function referralFor(db: DbOrTx, principal: StaffPrincipal, id: string): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('对接记录');
  return row;
}

function toDto(r: repo.ReferralRow): ReferralDto {
  return {
    id: r.id,
    providerId: r.providerId,
    providerName: r.providerName,
    providerKind: r.providerKind as ProviderKind,
    scenarioId: r.scenarioId,
    scenarioTitle: r.scenarioTitle,
    enterpriseName: r.enterpriseName,
    need: r.need,
    channel: r.channel as ReferralDto['channel'],
    outcome: r.outcome as Outcome,
    outcomeNote: r.outcomeNote,
    outcomeSource: r.outcomeSource as ReferralDto['outcomeSource'],
    outcomeAt: r.outcomeAt?.toISOString() ?? null,
    rating: r.rating,
    ratingComment: r.ratingComment,
    ratedAt: r.ratedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

function toOwn(r: repo.ReferralRow): OwnReferral {
  const { enterpriseName: _omitted, ...rest } = toDto(r);
  return { ...rest, canRate: r.outcome === 'served' && r.rating === null };
}
