import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { departments } from '../../staff/tables.ts';
import { catalogBundles, catalogBundleVersions } from '../tables.ts';
import type { BundleGuide, CatalogStatus, VersionState } from '../contract.ts';

export type Actor = { id: string | null; name: string };

const bundleColumns = {
  id: catalogBundles.id,
  centerId: catalogBundles.centerId,
  code: catalogBundles.code,
  status: catalogBundles.status,
  publishedVersionId: catalogBundles.publishedVersionId,
  draftVersionId: catalogBundles.draftVersionId,
  withdrawnReason: catalogBundles.withdrawnReason,
  version: catalogBundles.version,
};
export type BundleRow = {
  id: string;
  centerId: string;
  code: string;
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  withdrawnReason: string;
  version: number;
};

export async function findBundle(db: DbOrTx, id: string): Promise<BundleRow | undefined> {
  const [row] = await db.select(bundleColumns).from(catalogBundles).where(eq(catalogBundles.id, id));
  return row;
}

export async function findBundleByCode(db: DbOrTx, centerId: string, code: string): Promise<BundleRow | undefined> {
  const [row] = await db
    .select(bundleColumns)
    .from(catalogBundles)
    .where(and(eq(catalogBundles.centerId, centerId), eq(catalogBundles.code, code)));
  return row;
}

export async function listBundleRows(db: DbOrTx, centerId: string): Promise<BundleRow[]> {
  return db.select(bundleColumns).from(catalogBundles).where(eq(catalogBundles.centerId, centerId)).orderBy(asc(catalogBundles.code));
}

export type BundleListFilter = { q?: string; status?: CatalogStatus };

/** The admin list: each bundle with the name of its published version, or of its draft before the first publication. */
export async function listBundleSummaries(db: DbOrTx, centerId: string, filter: BundleListFilter) {
  const conditions: SQL[] = [eq(catalogBundles.centerId, centerId)];
  if (filter.status) conditions.push(eq(catalogBundles.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(catalogBundleVersions.name, pattern), ilike(catalogBundles.code, pattern))!);
  }
  return db
    .select({
      id: catalogBundles.id,
      code: catalogBundles.code,
      name: catalogBundleVersions.name,
      status: catalogBundles.status,
      hasDraft: sql<boolean>`${catalogBundles.draftVersionId} is not null`,
      publishedNumber: sql<number | null>`(select number from catalog_bundle_versions p where p.id = ${catalogBundles.publishedVersionId})`,
      group: catalogBundleVersions.lifeStage,
      departmentId: catalogBundleVersions.leadDepartmentId,
      departmentName: departments.name,
      updatedAt: catalogBundles.updatedAt,
      version: catalogBundles.version,
    })
    .from(catalogBundles)
    .innerJoin(catalogBundleVersions, eq(catalogBundleVersions.id, sql`coalesce(${catalogBundles.publishedVersionId}, ${catalogBundles.draftVersionId})`))
    .innerJoin(departments, eq(departments.id, catalogBundleVersions.leadDepartmentId))
    .where(and(...conditions))
    .orderBy(asc(catalogBundles.code));
}

export async function insertBundle(db: DbOrTx, centerId: string, code: string): Promise<string> {
  const [row] = await db.insert(catalogBundles).values({ centerId, code, status: 'draft' }).returning({ id: catalogBundles.id });
  return row!.id;
}

export type BundlePointers = {
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  withdrawnReason: string;
};

/** Optimistic update of the bundle's state and version pointers: false when the bundle moved on. */
export async function updateBundlePointers(db: DbOrTx, id: string, version: number, pointers: BundlePointers): Promise<boolean> {
  const rows = await db
    .update(catalogBundles)
    .set({ ...pointers, version: sql`${catalogBundles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(catalogBundles.id, id), eq(catalogBundles.version, version)))
    .returning({ id: catalogBundles.id });
  return rows.length === 1;
}

/** The columns derived from a guide: what the database guards and other modules filter on. */
function guideColumns(guide: BundleGuide) {
  return { name: guide.name, lifeStage: guide.lifeStage, leadDepartmentId: guide.leadDepartmentId, guide };
}

export async function insertBundleVersion(
  db: DbOrTx,
  v: { bundleId: string; number: number; state: VersionState; guide: BundleGuide; note: string; actor: Actor; isPublished?: boolean },
): Promise<string> {
  const [row] = await db
    .insert(catalogBundleVersions)
    .values({
      bundleId: v.bundleId,
      number: v.number,
      state: v.state,
      ...guideColumns(v.guide),
      note: v.note,
      createdById: v.actor.id,
      createdByName: v.actor.name,
      updatedById: v.actor.id,
      updatedByName: v.actor.name,
      ...(v.isPublished ? { publishedById: v.actor.id, publishedByName: v.actor.name, publishedAt: sql`now()` } : {}),
    })
    .returning({ id: catalogBundleVersions.id });
  return row!.id;
}

export async function updateDraftVersion(db: DbOrTx, id: string, guide: BundleGuide, note: string, actor: Actor): Promise<void> {
  await db
    .update(catalogBundleVersions)
    .set({ ...guideColumns(guide), note, updatedById: actor.id, updatedByName: actor.name, updatedAt: sql`now()` })
    .where(and(eq(catalogBundleVersions.id, id), eq(catalogBundleVersions.state, 'draft')));
}

export async function publishVersion(db: DbOrTx, id: string, actor: Actor): Promise<void> {
  await db
    .update(catalogBundleVersions)
    .set({ state: 'published', publishedById: actor.id, publishedByName: actor.name, publishedAt: sql`now()` })
    .where(and(eq(catalogBundleVersions.id, id), eq(catalogBundleVersions.state, 'draft')));
}

export async function supersedeVersion(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(catalogBundleVersions)
    .set({ state: 'superseded' })
    .where(and(eq(catalogBundleVersions.id, id), eq(catalogBundleVersions.state, 'published')));
}

export async function deleteDraftVersion(db: DbOrTx, id: string): Promise<void> {
  await db.delete(catalogBundleVersions).where(and(eq(catalogBundleVersions.id, id), eq(catalogBundleVersions.state, 'draft')));
}

export async function nextVersionNumber(db: DbOrTx, bundleId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${catalogBundleVersions.number}), 0)::int` })
    .from(catalogBundleVersions)
    .where(eq(catalogBundleVersions.bundleId, bundleId));
  return (row?.n ?? 0) + 1;
}

const versionColumns = {
  id: catalogBundleVersions.id,
  bundleId: catalogBundleVersions.bundleId,
  centerId: catalogBundles.centerId,
  code: catalogBundles.code,
  number: catalogBundleVersions.number,
  state: catalogBundleVersions.state,
  guide: catalogBundleVersions.guide,
  note: catalogBundleVersions.note,
  createdById: catalogBundleVersions.createdById,
  createdByName: catalogBundleVersions.createdByName,
  createdAt: catalogBundleVersions.createdAt,
  updatedById: catalogBundleVersions.updatedById,
  updatedByName: catalogBundleVersions.updatedByName,
  updatedAt: catalogBundleVersions.updatedAt,
  publishedById: catalogBundleVersions.publishedById,
  publishedByName: catalogBundleVersions.publishedByName,
  publishedAt: catalogBundleVersions.publishedAt,
};
export type VersionRow = Omit<Awaited<ReturnType<typeof findVersion>> & {}, 'guide'> & { guide: BundleGuide };

export async function findVersion(db: DbOrTx, id: string) {
  const [row] = await db
    .select(versionColumns)
    .from(catalogBundleVersions)
    .innerJoin(catalogBundles, eq(catalogBundles.id, catalogBundleVersions.bundleId))
    .where(eq(catalogBundleVersions.id, id));
  return row as (typeof row & { guide: BundleGuide }) | undefined;
}

export async function findVersions(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(versionColumns)
    .from(catalogBundleVersions)
    .innerJoin(catalogBundles, eq(catalogBundles.id, catalogBundleVersions.bundleId))
    .where(inArray(catalogBundleVersions.id, ids));
  return rows as VersionRow[];
}

/** Every version of a bundle, newest first. */
export async function listVersions(db: DbOrTx, bundleId: string): Promise<VersionRow[]> {
  const rows = await db
    .select(versionColumns)
    .from(catalogBundleVersions)
    .innerJoin(catalogBundles, eq(catalogBundles.id, catalogBundleVersions.bundleId))
    .where(eq(catalogBundleVersions.bundleId, bundleId))
    .orderBy(desc(catalogBundleVersions.number));
  return rows as VersionRow[];
}

/** The published guides of a center's bundles (what the portal and the search show). */
export async function listPublishedGuides(db: DbOrTx, centerId: string) {
  const rows = await db
    .select({
      id: catalogBundles.id,
      code: catalogBundles.code,
      versionId: catalogBundleVersions.id,
      versionNumber: catalogBundleVersions.number,
      publishedAt: catalogBundleVersions.publishedAt,
      guide: catalogBundleVersions.guide,
    })
    .from(catalogBundles)
    .innerJoin(catalogBundleVersions, eq(catalogBundleVersions.id, catalogBundles.publishedVersionId))
    .where(and(eq(catalogBundles.centerId, centerId), eq(catalogBundles.status, 'published')))
    .orderBy(asc(catalogBundles.code));
  return rows as { id: string; code: string; versionId: string; versionNumber: number; publishedAt: Date; guide: BundleGuide }[];
}

/** What the export carries: each bundle's published guide, or its draft before the first publication. */
export async function listExportGuides(db: DbOrTx, centerId: string) {
  const rows = await db
    .select({
      id: catalogBundles.id,
      code: catalogBundles.code,
      status: catalogBundles.status,
      version: catalogBundles.version,
      publishedVersionId: catalogBundles.publishedVersionId,
      draftVersionId: catalogBundles.draftVersionId,
      hasDraft: sql<boolean>`${catalogBundles.draftVersionId} is not null`,
      guide: catalogBundleVersions.guide,
    })
    .from(catalogBundles)
    .innerJoin(catalogBundleVersions, eq(catalogBundleVersions.id, sql`coalesce(${catalogBundles.publishedVersionId}, ${catalogBundles.draftVersionId})`))
    .where(eq(catalogBundles.centerId, centerId))
    .orderBy(asc(catalogBundles.code));
  return rows as {
    id: string;
    code: string;
    status: CatalogStatus;
    version: number;
    publishedVersionId: string | null;
    draftVersionId: string | null;
    hasDraft: boolean;
    guide: BundleGuide;
  }[];
}

export type NewBundleRow = { id: string; versionId: string; code: string; guide: BundleGuide; status: CatalogStatus };

/**
 * Many new bundles at once (import, demo data): one statement per table, then the pointers.
 * Each gets version 1, published unless its status is draft.
 */
export async function insertBundlesBulk(db: DbOrTx, centerId: string, rows: NewBundleRow[], actor: Actor): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.insert(catalogBundles).values(chunk.map((r) => ({ id: r.id, centerId, code: r.code, status: 'draft' as const })));
    await db.insert(catalogBundleVersions).values(
      chunk.map((r) => {
        const isPublished = r.status !== 'draft';
        return {
          id: r.versionId,
          bundleId: r.id,
          number: 1,
          state: isPublished ? ('published' as const) : ('draft' as const),
          ...guideColumns(r.guide),
          note: '',
          createdById: actor.id,
          createdByName: actor.name,
          updatedById: actor.id,
          updatedByName: actor.name,
          ...(isPublished ? { publishedById: actor.id, publishedByName: actor.name, publishedAt: sql`now()` } : {}),
        };
      }),
    );
    for (const status of ['draft', 'published', 'withdrawn'] as const) {
      const ids = chunk.filter((r) => r.status === status).map((r) => r.id);
      if (ids.length === 0) continue;
      const version = sql`(select v.id from catalog_bundle_versions v where v.bundle_id = catalog_bundles.id)`;
      await db
        .update(catalogBundles)
        .set(status === 'draft' ? { draftVersionId: version } : { status, publishedVersionId: version })
        .where(inArray(catalogBundles.id, ids));
    }
  }
}

/** Published bundles whose published version names `code` as a member. */
export async function listBundlesContaining(db: DbOrTx, centerId: string, code: string) {
  return db
    .select({ id: catalogBundles.id, code: catalogBundles.code, name: catalogBundleVersions.name })
    .from(catalogBundles)
    .innerJoin(catalogBundleVersions, eq(catalogBundleVersions.id, catalogBundles.publishedVersionId))
    .where(
      and(
        eq(catalogBundles.centerId, centerId),
        eq(catalogBundles.status, 'published'),
        sql`${catalogBundleVersions.guide} -> 'members' @> ${JSON.stringify([{ code }])}::jsonb`,
      ),
    );
}

/** Each bundle's members as last edited (draft, else published): the graph cycles are looked for in. */
export async function listMemberGraph(db: DbOrTx, centerId: string) {
  const rows = await db
    .select({ code: catalogBundles.code, guide: catalogBundleVersions.guide })
    .from(catalogBundles)
    .innerJoin(catalogBundleVersions, eq(catalogBundleVersions.id, sql`coalesce(${catalogBundles.draftVersionId}, ${catalogBundles.publishedVersionId})`))
    .where(eq(catalogBundles.centerId, centerId));
  return (rows as { code: string; guide: BundleGuide }[]).map((r) => ({ code: r.code, members: r.guide.members }));
}
