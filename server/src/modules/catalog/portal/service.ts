import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { getCenter, listCenters } from '../../venue/service.ts';
import type { CenterDto } from '../../venue/contract.ts';
import { LIFE_STAGES, THEMES, type BundleGuide, type Channel, type ItemGuide, type LifeStage, type Theme } from '../contract.ts';
import { bundleNotFound } from '../bundles/service.ts';
import { promisedDaysOf } from '../bundles/rules.ts';
import { findFiles } from '../files/service.ts';
import { itemNotFound } from '../items/service.ts';
import { loadPublishedCatalog, type PublishedCatalog, type PublishedEntry } from '../published/cache.ts';
import {
  applyBundleSituations,
  applyItemSituations,
  collectQuestions,
  mergeConditions,
  mergeMaterials,
  parseAnswers,
  type AppliedMaterial,
  type Answers,
} from '../situations/notice.ts';
import type { BundleCard, BundleMemberView, BundleNotice, ItemCard, ItemNotice, NoticeCondition, NoticeMaterial, PortalOverview } from './contract.ts';

const DEFAULT_CENTER_TTL_MS = 10_000;
const defaultCenters = new WeakMap<Db, { id: string; at: number }>();

/**
 * The center whose catalog the portal shows: the one asked for, else the first active county-level
 * center (the demo's 南海区政务服务中心), else the first active center.
 */
export async function resolvePortalCenter(db: Db, centerId?: string): Promise<string> {
  if (centerId) {
    const center = await getCenter(db, centerId);
    if (!center.isActive) throw new AppError('NOT_FOUND', '服务中心不存在');
    return center.id;
  }
  const cached = defaultCenters.get(db);
  if (cached && Date.now() - cached.at < DEFAULT_CENTER_TTL_MS) return cached.id;
  const centers = (await listCenters(db)).filter((c) => c.isActive);
  const chosen = centers.find((c) => c.level === 'county') ?? centers[0];
  if (!chosen) throw new AppError('NOT_FOUND', '尚未设立服务中心');
  defaultCenters.set(db, { id: chosen.id, at: Date.now() });
  return chosen.id;
}

export async function getOverview(db: Db, centerId: string): Promise<PortalOverview> {
  const center: CenterDto = await getCenter(db, centerId);
  const catalog = await loadPublishedCatalog(db, centerId);
  const items = [...catalog.items.values()];
  const bundles = listBundleCardsOf(catalog);
  const departmentCounts = new Map<string, number>();
  for (const i of items) departmentCounts.set(i.guide.departmentId, (departmentCounts.get(i.guide.departmentId) ?? 0) + 1);
  return {
    center: { id: center.id, name: center.name, address: center.address, phone: center.phone, openingHours: center.openingHours },
    themes: THEMES.map((theme) => ({ theme, count: items.filter((i) => i.guide.theme === theme).length })),
    departments: [...departmentCounts]
      .map(([id, count]) => ({ id, name: catalog.departmentNames.get(id) ?? '', count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
    lifeStages: LIFE_STAGES.map((lifeStage) => ({ lifeStage, count: bundles.filter((b) => b.lifeStage === lifeStage).length })),
    bundles,
  };
}

export async function listItemCards(db: Db, centerId: string, filter: { theme?: Theme; departmentId?: string }): Promise<ItemCard[]> {
  const catalog = await loadPublishedCatalog(db, centerId);
  return [...catalog.items.values()]
    .filter((i) => (!filter.theme || i.guide.theme === filter.theme) && (!filter.departmentId || i.guide.departmentId === filter.departmentId))
    .map((i) => itemCardOf(catalog, i));
}

export async function listBundleCards(db: Db, centerId: string, filter: { lifeStage?: LifeStage }): Promise<BundleCard[]> {
  const catalog = await loadPublishedCatalog(db, centerId);
  return listBundleCardsOf(catalog).filter((b) => !filter.lifeStage || b.lifeStage === filter.lifeStage);
}

/** An item's complete one-time notice under the given answers. */
export async function getItemNotice(db: Db, centerId: string, code: string, rawAnswers?: string): Promise<ItemNotice> {
  const catalog = await loadPublishedCatalog(db, centerId);
  const item = catalog.items.get(code);
  if (!item) throw itemNotFound(code);
  const answers = parseAnswers(rawAnswers);
  const source = { code, name: item.guide.name };
  const questions = collectQuestions([{ source, questions: item.guide.situations }], answers);
  checkAnswers(questions, answers);
  const applied = applyItemSituations(item.guide, source, answers);
  const group = item.guide.jointReview.group;
  return {
    kind: 'item',
    ...versionOf(item),
    guide: item.guide,
    departmentName: catalog.departmentNames.get(item.guide.departmentId) ?? '',
    jointReviewLeadName: item.guide.jointReview.leadDepartmentId ? (catalog.departmentNames.get(item.guide.jointReview.leadDepartmentId) ?? '') : null,
    jointReviewPeers: group
      ? [...catalog.items.values()].filter((i) => i.code !== code && i.guide.jointReview.group === group).map((i) => ({ code: i.code, name: i.guide.name }))
      : [],
    bundles: [...catalog.bundles.values()].filter((b) => b.guide.members.some((m) => m.code === code)).map((b) => ({ code: b.code, name: b.guide.name })),
    questions,
    materials: await withFiles(db, centerId, applied.materials),
    conditions: applied.conditions,
    isComplete: questions.every((q) => q.answer !== null),
  };
}

/** A bundle's merged one-time notice: its members' lists as one, each shared material once. */
export async function getBundleNotice(db: Db, centerId: string, code: string, rawAnswers?: string): Promise<BundleNotice> {
  const catalog = await loadPublishedCatalog(db, centerId);
  const bundle = catalog.bundles.get(code);
  if (!bundle) throw bundleNotFound(code);
  const answers = parseAnswers(rawAnswers);
  const bundleSource = { code, name: bundle.guide.name };
  const expanded = expandMembers(catalog, bundle.guide, answers, new Set([code]));

  const activeItems = expanded.items.filter((m) => !m.isSkipped);
  const questions = collectQuestions(
    [
      { source: bundleSource, questions: bundle.guide.situations },
      ...expanded.bundleQuestions,
      ...activeItems.map((m) => ({ source: { code: m.code, name: m.entry.guide.name }, questions: m.entry.guide.situations })),
    ],
    answers,
  );
  checkAnswers(questions, answers);
  const materials: AppliedMaterial[] = [];
  const conditions: NoticeCondition[] = expanded.conditions.map((c) => ({ ...c, usedBy: [bundleSource] }));
  for (const m of activeItems) {
    const applied = applyItemSituations(m.entry.guide, { code: m.code, name: m.entry.guide.name }, answers);
    materials.push(...applied.materials);
    conditions.push(...applied.conditions);
  }
  const active = expanded.members.filter((m) => !m.isSkipped);
  return {
    kind: 'bundle',
    ...versionOf(bundle),
    guide: bundle.guide,
    leadDepartmentName: catalog.departmentNames.get(bundle.guide.leadDepartmentId) ?? '',
    members: expanded.members,
    promisedLimitDays: promisedDaysOf(active.map((m) => ({ stage: m.stage, promisedDays: m.promisedLimitDays }))),
    // 一件事一次办 (6.3.1): one visit to the bundle's counter at most, none when every member is fully online.
    visitsNeeded: Math.min(1, Math.max(0, ...activeItems.map((m) => m.entry.guide.visitsNeeded))),
    channels: channelsOf(activeItems.map((m) => m.entry.guide)),
    questions,
    materials: await withFiles(db, centerId, mergeMaterials(materials)),
    conditions: mergeConditions(conditions),
    isComplete: questions.every((q) => q.answer !== null),
  };
}

type ExpandedItem = { code: string; entry: PublishedEntry<ItemGuide>; isSkipped: boolean };

/** A bundle's members under the answers, sub-bundles opened up (their items join the lists). */
function expandMembers(catalog: PublishedCatalog, guide: BundleGuide, answers: Answers, visiting: Set<string>) {
  const { skipped, skipIf, conditions } = applyBundleSituations(guide.situations, answers);
  const members: BundleMemberView[] = [];
  const items: ExpandedItem[] = [];
  const bundleQuestions: { source: { code: string; name: string }; questions: BundleGuide['situations'] }[] = [];
  const allConditions = [...conditions];
  for (const m of guide.members) {
    const isSkipped = skipped.has(m.code);
    const common = { kind: m.kind, code: m.code, stage: m.stage, isSkipped, skippedBecause: skipped.get(m.code) ?? null, skipIf: skipIf.get(m.code) ?? [] };
    if (m.kind === 'item') {
      const entry = catalog.items.get(m.code);
      if (!entry) continue; // withdrawal of a member is refused; a missing one is simply not offered
      members.push({
        ...common,
        name: entry.guide.name,
        departmentName: catalog.departmentNames.get(entry.guide.departmentId) ?? '',
        promisedLimitDays: entry.guide.promisedLimitDays,
        processingKind: entry.guide.processingKind,
      });
      items.push({ code: m.code, entry, isSkipped });
    } else {
      const sub = catalog.bundles.get(m.code);
      if (!sub || visiting.has(m.code)) continue;
      const inner = expandMembers(catalog, sub.guide, answers, new Set([...visiting, m.code]));
      const innerActive = inner.members.filter((x) => !x.isSkipped);
      members.push({
        ...common,
        name: sub.guide.name,
        departmentName: catalog.departmentNames.get(sub.guide.leadDepartmentId) ?? '',
        promisedLimitDays: promisedDaysOf(innerActive.map((x) => ({ stage: x.stage, promisedDays: x.promisedLimitDays }))),
        processingKind: null,
      });
      items.push(...inner.items.map((i) => ({ ...i, isSkipped: i.isSkipped || isSkipped })));
      bundleQuestions.push({ source: { code: m.code, name: sub.guide.name }, questions: sub.guide.situations }, ...inner.bundleQuestions);
      if (!isSkipped) allConditions.push(...inner.conditions);
    }
  }
  return { members, items, bundleQuestions, conditions: allConditions };
}

function checkAnswers(questions: { key: string; options: { key: string }[] }[], answers: Answers) {
  for (const [key, option] of answers) {
    const q = questions.find((x) => x.key === key);
    if (q && !q.options.some((o) => o.key === option)) {
      throw new AppError('VALIDATION_FAILED', `情形问题“${key}”没有选项“${option}”`, [{ field: 'answers', message: `问题“${key}”没有选项“${option}”` }]);
    }
  }
}

async function withFiles(db: Db, centerId: string, materials: AppliedMaterial[]): Promise<NoticeMaterial[]> {
  const ids = materials.flatMap((m) => [m.templateFileId, m.sampleFileId]).filter((id): id is string => id !== null);
  const files = await findFiles(db, ids);
  const ref = (id: string | null) => {
    const f = id ? files.get(id) : undefined;
    return f ? { id: f.id, filename: f.filename } : null;
  };
  return materials.map(({ key: _key, templateFileId, sampleFileId, ...m }) => ({ ...m, templateFile: ref(templateFileId), sampleFile: ref(sampleFileId) }));
}

function versionOf(entry: PublishedEntry<unknown>) {
  return { code: entry.code, versionId: entry.versionId, versionNumber: entry.versionNumber, publishedAt: entry.publishedAt.toISOString() };
}

function itemCardOf(catalog: PublishedCatalog, i: PublishedEntry<ItemGuide>): ItemCard {
  const g = i.guide;
  return {
    code: i.code,
    name: g.name,
    theme: g.theme,
    departmentId: g.departmentId,
    departmentName: catalog.departmentNames.get(g.departmentId) ?? '',
    processingKind: g.processingKind,
    promisedLimitDays: g.promisedLimitDays,
    visitsNeeded: g.visitsNeeded,
    channels: g.channels,
    isCommitmentAllowed: g.commitment.isAllowed,
    isDeferralAllowed: g.deferral.isAllowed,
    jointReviewGroup: g.jointReview.group,
    appointmentMode: g.appointment.mode,
  };
}

function listBundleCardsOf(catalog: PublishedCatalog): BundleCard[] {
  return [...catalog.bundles.values()].map((b) => ({
    code: b.code,
    name: b.guide.name,
    lifeStage: b.guide.lifeStage,
    leadDepartmentName: catalog.departmentNames.get(b.guide.leadDepartmentId) ?? '',
    description: b.guide.description,
    memberCount: b.guide.members.length,
    promisedLimitDays: bundleDays(catalog, b.guide, new Set([b.code])),
  }));
}

/** A bundle's promised days with no answers given; a sub-bundle counts as its own promised days. */
function bundleDays(catalog: PublishedCatalog, guide: BundleGuide, visiting: Set<string>): number {
  return promisedDaysOf(
    guide.members.map((m) => {
      const sub = m.kind === 'bundle' && !visiting.has(m.code) ? catalog.bundles.get(m.code) : undefined;
      const days = sub ? bundleDays(catalog, sub.guide, new Set([...visiting, m.code])) : (catalog.items.get(m.code)?.guide.promisedLimitDays ?? 0);
      return { stage: m.stage, promisedDays: days };
    }),
  );
}

/** Channels every active member offers: the bundle can be handled that way as a whole. */
function channelsOf(guides: ItemGuide[]): Channel[] {
  if (guides.length === 0) return [];
  return guides[0]!.channels.filter((c) => guides.every((g) => g.channels.includes(c)));
}
