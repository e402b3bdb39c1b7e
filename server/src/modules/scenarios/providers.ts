import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { ProviderDecisionBody, ProviderDto, ProviderInput, ProviderKind, PublicProvider } from './contract.ts';
import * as repo from './repository.ts';
import { nextProviderState, type ProviderState } from './workflow.ts';

/**
 * 专业服务机构 (6.3.6): legal, finance, IP and HR providers registered with the center, approved by
 * the center manager; only approved ones are shown to enterprises and may be referred to. Each
 * provider's figures: referrals, served, ratings and their average.
 */

export type ServiceDeps = { db: Db };

const stale = () => new AppError('STALE_VERSION', '该服务机构已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function registerProvider(deps: ServiceDeps, principal: StaffPrincipal, input: ProviderInput, now = new Date()): Promise<ProviderDto> {
  if (!principal.centerId) throw forbidden('您未被分配到服务中心，不能登记服务机构');
  const id = await repo.insertProvider(deps.db, { centerId: principal.centerId, ...input, createdBy: principal.id, createdAt: now });
  if (!id) {
    const message = `统一社会信用代码 ${input.uscc} 的服务机构已登记`;
    throw new AppError('DUPLICATE', message, [{ field: 'uscc', message }]);
  }
  return getProvider(deps, principal, id);
}

/** 审核: approve, reject or suspend; a rejection or suspension says why. */
export async function decideProvider(deps: ServiceDeps, principal: StaffPrincipal, id: string, body: ProviderDecisionBody, now = new Date()): Promise<ProviderDto> {
  const row = await providerFor(deps.db, principal, id);
  const state = nextProviderState(row.state as ProviderState, body.decision);
  if (body.decision !== 'approve' && body.note === '') {
    const message = body.decision === 'reject' ? '请填写驳回理由' : '请填写停用理由';
    throw invalidField('note', message);
  }
  if (row.version !== body.version || !(await repo.decideProvider(deps.db, id, body.version, { state, decisionNote: body.note, decidedBy: principal.id, decidedAt: now }))) throw stale();
  return getProvider(deps, principal, id);
}

export async function listProviders(deps: ServiceDeps, principal: StaffPrincipal, q: { state?: ProviderState; kind?: ProviderKind }): Promise<ProviderDto[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listProviders(deps.db, { centerId: principal.centerId, ...q });
  return withFigures(deps.db, rows);
}

export async function getProvider(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<ProviderDto> {
  const row = await providerFor(deps.db, principal, id);
  return (await withFigures(deps.db, [row]))[0]!;
}

/** The center's approved providers (all of them, or those named), as the portal shows them. */
export async function approvedProviders(db: DbOrTx, centerId: string, ids?: string[]): Promise<PublicProvider[]> {
  const rows = await repo.listProviders(db, { centerId, state: 'approved', ids });
  return (await withFigures(db, rows)).map(({ id, name, kind, contactName, servicePhone, services, figures }) => ({ id, name, kind, contactName, servicePhone, services, figures }));
}

/** An approved provider of the center, for a scenario or a referral; PROVIDER_NOT_APPROVED (422) naming the field otherwise. */
export async function approvedProvider(db: DbOrTx, centerId: string | null, id: string, field: string): Promise<repo.ProviderRow> {
  const row = await repo.findProvider(db, id);
  if (!row || (centerId !== null && row.centerId !== centerId)) {
    throw new AppError('NOT_FOUND', '服务机构不存在', [{ field, message: '服务机构不存在' }]);
  }
  if (row.state !== 'approved') {
    const message = `服务机构“${row.name}”尚未审核通过或已停用，不能对接`;
    throw new AppError('PROVIDER_NOT_APPROVED', message, [{ field, message }]);
  }
  return row;
}

async function providerFor(db: DbOrTx, principal: StaffPrincipal, id: string): Promise<repo.ProviderRow> {
  const row = await repo.findProvider(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('服务机构');
  return row;
}

async function withFigures(db: DbOrTx, rows: repo.ProviderRow[]): Promise<ProviderDto[]> {
  const figures = new Map((await repo.providerFigures(db, rows.map((r) => r.id))).map((f) => [f.providerId, f]));
  return rows.map((r) => {
    const f = figures.get(r.id);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as ProviderKind,
      uscc: r.uscc,
      contactName: r.contactName,
      servicePhone: r.servicePhone,
      services: r.services,
      state: r.state as ProviderState,
      decisionNote: r.decisionNote,
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
      figures: { referrals: f?.referrals ?? 0, served: f?.served ?? 0, ratings: f?.ratings ?? 0, averageRating: f?.averageRating ?? null },
    };
  });
}
