import type { Db } from '../../../platform/db/database.ts';
import { listDepartments } from '../../staff/service.ts';
import type { BundleGuide, ItemGuide } from '../contract.ts';
import { bundleRepository } from '../bundles/repository.ts';
import { itemRepository } from '../items/repository.ts';
import { readRevision } from '../repository.ts';
import { LIFE_STAGE_LABELS, THEME_LABELS } from '../labels.ts';
import { buildSearchIndex, type SearchDoc, type SearchIndex } from '../guidance/search-index.ts';

export type PublishedEntry<G> = { id: string; code: string; versionId: string; versionNumber: number; publishedAt: Date; guide: G };

/** What the public sees of one center's catalog, read once and answered from memory. */
export type PublishedCatalog = {
  centerId: string;
  revision: number;
  items: ReadonlyMap<string, PublishedEntry<ItemGuide>>;
  bundles: ReadonlyMap<string, PublishedEntry<BundleGuide>>;
  departmentNames: ReadonlyMap<string, string>;
  /** built on first use, then kept (and rebuilt ahead of need after a change) */
  searchIndex(): SearchIndex;
  /** the index if it has been built */
  builtIndex(): SearchIndex | null;
};

/**
 * How long a process trusts its copy before asking the database for the center's revision.
 * Changes made through this process are seen at once; another process's, within this time
 * (plus the time to rebuild, during which the previous copy keeps answering).
 */
const REVISION_CHECK_MS = 1000;

type Entry = {
  current: Promise<PublishedCatalog>;
  checkedAt: number;
  /** a rebuild under way; `mustWait` when this process itself changed the catalog */
  next: { catalog: Promise<PublishedCatalog>; mustWait: boolean } | null;
};
const caches = new WeakMap<Db, Map<string, Entry>>();

export async function loadPublishedCatalog(db: Db, centerId: string): Promise<PublishedCatalog> {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  let entry = perDb.get(centerId);
  if (!entry) {
    entry = { current: readCatalog(db, centerId, null), checkedAt: Date.now(), next: null };
    perDb.set(centerId, entry);
    entry.current.catch(() => perDb.delete(centerId));
    return entry.current;
  }
  if (entry.next?.mustWait) return entry.next.catalog;
  const now = Date.now();
  if (now - entry.checkedAt < REVISION_CHECK_MS || entry.next) return entry.current;
  entry.checkedAt = now;
  const [revision, current] = await Promise.all([readRevision(db, centerId), entry.current]);
  if (revision !== current.revision) startRebuild(db, centerId, entry, entry.current, false);
  return current;
}

/**
 * After a publish, withdrawal or import in this process: the rebuild starts at once, and the
 * next reads wait for it, so whoever made the change sees it.
 */
export function invalidatePublished(db: Db, centerId: string): void {
  const entry = caches.get(db)?.get(centerId);
  if (entry) startRebuild(db, centerId, entry, entry.next?.catalog ?? entry.current, true);
}

/** A new copy, built from `base`'s segmentation; it replaces the current one when ready (unless a newer rebuild started). */
function startRebuild(db: Db, centerId: string, entry: Entry, base: Promise<PublishedCatalog>, mustWait: boolean) {
  const catalog = base.then(
    (previous) => readCatalog(db, centerId, previous.builtIndex()),
    () => readCatalog(db, centerId, null),
  );
  const next = { catalog, mustWait };
  entry.next = next;
  catalog.then(
    () => {
      if (entry.next !== next) return;
      entry.current = catalog;
      entry.next = null;
      entry.checkedAt = Date.now();
    },
    () => {
      if (entry.next === next) entry.next = null;
    },
  );
}

/**
 * Reads the center's published catalog. When the copy it replaces had a search index, the new
 * index is built now, reusing that one's segmentation, so searches never wait for it.
 */
async function readCatalog(db: Db, centerId: string, previousIndex: SearchIndex | null): Promise<PublishedCatalog> {
  const revision = await readRevision(db, centerId);
  const [items, bundles, departments] = await Promise.all([
    itemRepository.listPublishedGuides(db, centerId),
    bundleRepository.listPublishedGuides(db, centerId),
    listDepartments(db, centerId),
  ]);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const itemMap = new Map(items.map((i) => [i.code, i]));
  const bundleMap = new Map(bundles.map((b) => [b.code, b]));
  let index: SearchIndex | null = null;
  const catalog: PublishedCatalog = {
    centerId,
    revision,
    items: itemMap,
    bundles: bundleMap,
    departmentNames,
    searchIndex: () => (index ??= buildSearchIndex(searchDocsOf(itemMap, bundleMap, departmentNames), undefined, previousIndex?.memo)),
    builtIndex: () => index,
  };
  if (previousIndex) catalog.searchIndex();
  return catalog;
}

/** The searchable text of each published item and bundle. */
export function searchDocsOf(
  items: ReadonlyMap<string, { code: string; guide: ItemGuide }>,
  bundles: ReadonlyMap<string, { code: string; guide: BundleGuide }>,
  departmentNames: ReadonlyMap<string, string>,
): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const { code, guide } of items.values()) {
    docs.push({
      kind: 'item',
      code,
      name: guide.name,
      keywords: guide.keywords,
      // the situations say which cases the item covers ("是否仅销售预包装食品？")
      conditions: [
        ...guide.conditions,
        ...guide.situations.flatMap((q) => [q.text, ...q.options.flatMap((o) => o.addsConditions)]),
      ],
      context: [THEME_LABELS[guide.theme], departmentNames.get(guide.departmentId) ?? ''],
      members: [],
    });
  }
  for (const { code, guide } of bundles.values()) {
    docs.push({
      kind: 'bundle',
      code,
      name: guide.name,
      keywords: guide.keywords,
      conditions: [],
      context: [
        guide.description,
        LIFE_STAGE_LABELS[guide.lifeStage],
        ...guide.members.map((m) => items.get(m.code)?.guide.name ?? bundles.get(m.code)?.guide.name ?? ''),
      ],
      members: guide.members.map((m) => m.code),
    });
  }
  return docs;
}
