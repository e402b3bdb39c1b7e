import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { getBundleByCode, getItemByCode, resolvePortalCenter } from '../catalog/service.ts';
import type { ProviderKind, PublicScenario, ScenarioDto, ScenarioInput, ScenarioUpdate } from './contract.ts';
import { approvedProvider, approvedProviders, type ServiceDeps } from './providers.ts';
import * as repo from './repository.ts';
import type { ProviderState } from './workflow.ts';

/**
 * 一类事 (6.3.6): a scenario joins the center's published items and bundles (by code, linked to
 * their guides) with the professional service kinds and approved providers an enterprise needs
 * around them. Published scenarios are shown on the portal with the providers still approved.
 */

const duplicateTitle = (title: string) => {
  const message = `已有名为“${title}”的场景`;
  return new AppError('DUPLICATE', message, [{ field: 'title', message }]);
};

export async function createScenario(deps: ServiceDeps, principal: StaffPrincipal, input: ScenarioInput, now = new Date()): Promise<ScenarioDto> {
  const centerId = principal.centerId;
  if (!centerId) throw forbidden('您未被分配到服务中心，不能编辑场景');
  const entries = await checkParts(deps.db, centerId, input);
  const id = await repo.insertScenario(deps.db, { centerId, title: input.title, description: input.description, serviceKinds: input.serviceKinds, published: input.published, createdBy: principal.id, createdAt: now, updatedAt: now });
  if (!id) throw duplicateTitle(input.title);
  await repo.replaceParts(deps.db, id, entries, input.providerIds);
  return getScenario(deps, principal, id);
}

export async function updateScenario(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: ScenarioUpdate): Promise<ScenarioDto> {
  const row = await scenarioFor(deps.db, principal, id);
  const entries = await checkParts(deps.db, row.centerId, input);
  const other = (await repo.listScenarios(deps.db, { centerId: row.centerId })).find((s) => s.title === input.title && s.id !== id);
  if (other) throw duplicateTitle(input.title);
  const changed = row.version === input.version && (await repo.updateScenario(deps.db, id, input.version, { title: input.title, description: input.description, serviceKinds: input.serviceKinds, published: input.published }));
  if (!changed) throw new AppError('STALE_VERSION', '该场景已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  await repo.replaceParts(deps.db, id, entries, input.providerIds);
  return getScenario(deps, principal, id);
}

export async function listScenarios(deps: ServiceDeps, principal: StaffPrincipal): Promise<ScenarioDto[]> {
  if (!principal.centerId) return [];
  return toDtos(deps.db, await repo.listScenarios(deps.db, { centerId: principal.centerId }));
}

export async function getScenario(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<ScenarioDto> {
  return (await toDtos(deps.db, [await scenarioFor(deps.db, principal, id)]))[0]!;
}

/** The portal: a center's published scenarios (the default center when none is named). */
export async function publicScenarios(db: Db, centerId?: string): Promise<PublicScenario[]> {
  const center = await resolvePortalCenter(db, centerId);
  return toPublic(db, center, await repo.listScenarios(db, { centerId: center, published: true }));
}

export async function publicScenario(db: Db, id: string): Promise<PublicScenario> {
  const row = await repo.findScenario(db, id);
  if (!row || !row.published) throw notFound('场景');
  return (await toPublic(db, row.centerId, [row]))[0]!;
}

/** A published scenario of the center, for a referral (field `scenarioId`). */
export async function publishedScenarioOf(db: DbOrTx, centerId: string, id: string): Promise<repo.ScenarioRow> {
  const row = await repo.findScenario(db, id);
  if (!row || !row.published || row.centerId !== centerId) throw new AppError('NOT_FOUND', '场景不存在或未发布', [{ field: 'scenarioId', message: '场景不存在或未发布' }]);
  return row;
}

/** Every entry a published item or bundle of the center, every provider approved and of a kind the scenario offers. */
async function checkParts(db: Db, centerId: string, input: ScenarioInput) {
  const entries: { kind: string; code: string; name: string }[] = [];
  for (const [i, e] of input.entries.entries()) {
    const field = `entries.${i}.code`;
    const found = await (e.kind === 'item' ? getItemByCode(db, centerId, e.code) : getBundleByCode(db, centerId, e.code)).catch(() => null);
    if (!found?.published) throw invalidField(field, `${e.kind === 'item' ? '事项' : '一件事'} ${e.code} 不存在或未发布`);
    if (entries.some((x) => x.kind === e.kind && x.code === e.code)) throw invalidField(field, `${e.code} 重复`);
    entries.push({ kind: e.kind, code: e.code, name: found.published.guide.name });
  }
  if (new Set(input.providerIds).size !== input.providerIds.length) throw invalidField('providerIds', '服务机构重复');
  for (const [i, providerId] of input.providerIds.entries()) {
    const provider = await approvedProvider(db, centerId, providerId, `providerIds.${i}`);
    if (!input.serviceKinds.includes(provider.kind as ProviderKind)) throw invalidField(`providerIds.${i}`, `服务机构“${provider.name}”的服务类别不在本场景的专业服务之中`);
  }
  return entries;
}

async function scenarioFor(db: DbOrTx, principal: StaffPrincipal, id: string): Promise<repo.ScenarioRow> {
  const row = await repo.findScenario(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('场景');
  return row;
}

async function toDtos(db: DbOrTx, rows: repo.ScenarioRow[]): Promise<ScenarioDto[]> {
  const ids = rows.map((r) => r.id);
  const [entries, links] = await Promise.all([repo.entriesOf(db, ids), repo.linksOf(db, ids)]);
  const providers = new Map<string, repo.ProviderRow>();
  for (const centerId of new Set(rows.map((r) => r.centerId))) {
    for (const p of await repo.listProviders(db, { centerId, ids: links.map((l) => l.providerId) })) providers.set(p.id, p);
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    entries: entries.filter((e) => e.scenarioId === r.id).map((e) => ({ kind: e.kind as 'item' | 'bundle', code: e.code, name: e.name })),
    serviceKinds: r.serviceKinds as ProviderKind[],
    providers: links
      .filter((l) => l.scenarioId === r.id)
      .flatMap((l) => {
        const p = providers.get(l.providerId);
        return p ? [{ id: p.id, name: p.name, kind: p.kind as ProviderKind, state: p.state as ProviderState }] : [];
      }),
    published: r.published,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

async function toPublic(db: DbOrTx, centerId: string, rows: repo.ScenarioRow[]): Promise<PublicScenario[]> {
  const ids = rows.map((r) => r.id);
  const [entries, links] = await Promise.all([repo.entriesOf(db, ids), repo.linksOf(db, ids)]);
  const approved = new Map((await approvedProviders(db, centerId, [...new Set(links.map((l) => l.providerId))])).map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    entries: entries.filter((e) => e.scenarioId === r.id).map((e) => ({ kind: e.kind as 'item' | 'bundle', code: e.code, name: e.name })),
    serviceKinds: r.serviceKinds as ProviderKind[],
    providers: links.filter((l) => l.scenarioId === r.id).flatMap((l) => approved.get(l.providerId) ?? []),
  }));
}
