import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { departments } from '../../staff/tables.ts';
import { catalogItems, catalogItemVersions } from '../tables.ts';
import type { CatalogStatus, ItemGuide, VersionState } from '../contract.ts';

export type Actor = { id: string | null; name: string };

const itemColumns = {
  id: catalogItems.id,
  centerId: catalogItems.centerId,
  code: catalogItems.code,
  status: catalogItems.status,
  publishedVersionId: catalogItems.publishedVersionId,
  draftVersionId: catalogItems.draftVersionId,
  withdrawnReason: catalogItems.withdrawnReason,
  version: catalogItems.version,
};
export type ItemRow = {
  id: string;
  centerId: string;
  code: string;
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  withdrawnReason: string;
  version: number;
};

export async function findItem(db: DbOrTx, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select(itemColumns).from(catalogItems).where(eq(catalogItems.id, id));
  return row;
}

export async function findItemByCode(db: DbOrTx, centerId: string, code: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select(itemColumns)
    .from(catalogItems)
    .where(and(eq(catalogItems.centerId, centerId), eq(catalogItems.code, code)));
  return row;
}

export async function listItemRows(db: DbOrTx, centerId: string): Promise<ItemRow[]> {
  return db.select(itemColumns).from(catalogItems).where(eq(catalogItems.centerId, centerId)).orderBy(asc(catalogItems.code));
}

export type ItemListFilter = { q?: string; status?: CatalogStatus };

/** The admin list: each item with the name of its published version, or of its draft before the first publication. */
export async function listItemSummaries(db: DbOrTx, centerId: string, filter: ItemListFilter) {
  const conditions: SQL[] = [eq(catalogItems.centerId, centerId)];
  if (filter.status) conditions.push(eq(catalogItems.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(catalogItemVersions.name, pattern), ilike(catalogItems.code, pattern))!);
  }
  return db
    .select({
      id: catalogItems.id,
      code: catalogItems.code,
      name: catalogItemVersions.name,
      status: catalogItems.status,
      hasDraft: sql<boolean>`${catalogItems.draftVersionId} is not null`,
      publishedNumber: sql<number | null>`(select number from catalog_item_versions p where p.id = ${catalogItems.publishedVersionId})`,
      group: catalogItemVersions.theme,
      departmentId: catalogItemVersions.departmentId,
      departmentName: departments.name,
      updatedAt: catalogItems.updatedAt,
      version: catalogItems.version,
    })
    .from(catalogItems)
    .innerJoin(catalogItemVersions, eq(catalogItemVersions.id, sql`coalesce(${catalogItems.publishedVersionId}, ${catalogItems.draftVersionId})`))
    .innerJoin(departments, eq(departments.id, catalogItemVersions.departmentId))
    .where(and(...conditions))
    .orderBy(asc(catalogItems.code));
}

export async function insertItem(db: DbOrTx, centerId: string, code: string): Promise<string> {
  const [row] = await db.insert(catalogItems).values({ centerId, code, status: 'draft' }).returning({ id: catalogItems.id });
  return row!.id;
}

export type ItemPointers = {
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  withdrawnReason: string;
};

/** Optimistic update of the item's state and version pointers: false when the item moved on. */
export async function updateItemPointers(db: DbOrTx, id: string, version: number, pointers: ItemPointers): Promise<boolean> {
  const rows = await db
    .update(catalogItems)
    .set({ ...pointers, version: sql`${catalogItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(catalogItems.id, id), eq(catalogItems.version, version)))
    .returning({ id: catalogItems.id });
  return rows.length === 1;
}

/** The columns derived from a guide: what the database guards and other modules filter on. */
function guideColumns(guide: ItemGuide) {
  return {
    name: guide.name,
    theme: guide.theme,
    departmentId: guide.departmentId,
    processingKind: guide.processingKind,
    promisedLimitDays: guide.promisedLimitDays,
    isCommitmentAllowed: guide.commitment.isAllowed,
    isDeferralAllowed: guide.deferral.isAllowed,
    supplementDays: guide.deferral.isAllowed ? guide.deferral.supplementDays : null,
    jointReviewGroup: guide.jointReview.group,
    appointmentMode: guide.appointment.mode,
    guide,
  };
}

export async function insertItemVersion(
  db: DbOrTx,
  v: { itemId: string; number: number; state: VersionState; guide: ItemGuide; note: string; actor: Actor; isPublished?: boolean },
): Promise<string> {
  const [row] = await db
    .insert(catalogItemVersions)
    .values({
      itemId: v.itemId,
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
    .returning({ id: catalogItemVersions.id });
  return row!.id;
}

export async function updateDraftVersion(db: DbOrTx, id: string, guide: ItemGuide, note: string, actor: Actor): Promise<void> {
  await db
    .update(catalogItemVersions)
    .set({ ...guideColumns(guide), note, updatedById: actor.id, updatedByName: actor.name, updatedAt: sql`now()` })
    .where(and(eq(catalogItemVersions.id, id), eq(catalogItemVersions.state, 'draft')));
}

export async function publishVersion(db: DbOrTx, id: string, actor: Actor): Promise<void> {
  await db
    .update(catalogItemVersions)
    .set({ state: 'published', publishedById: actor.id, publishedByName: actor.name, publishedAt: sql`now()` })
    .where(and(eq(catalogItemVersions.id, id), eq(catalogItemVersions.state, 'draft')));
}

export async function supersedeVersion(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(catalogItemVersions)
    .set({ state: 'superseded' })
    .where(and(eq(catalogItemVersions.id, id), eq(catalogItemVersions.state, 'published')));
}

export async function deleteDraftVersion(db: DbOrTx, id: string): Promise<void> {
  await db.delete(catalogItemVersions).where(and(eq(catalogItemVersions.id, id), eq(catalogItemVersions.state, 'draft')));
}

export async function nextVersionNumber(db: DbOrTx, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${catalogItemVersions.number}), 0)::int` })
    .from(catalogItemVersions)
    .where(eq(catalogItemVersions.itemId, itemId));
  return (row?.n ?? 0) + 1;
}

const versionColumns = {
  id: catalogItemVersions.id,
  itemId: catalogItemVersions.itemId,
  centerId: catalogItems.centerId,
  code: catalogItems.code,
  number: catalogItemVersions.number,
  state: catalogItemVersions.state,
  guide: catalogItemVersions.guide,
  note: catalogItemVersions.note,
  createdById: catalogItemVersions.createdById,
  createdByName: catalogItemVersions.createdByName,
  createdAt: catalogItemVersions.createdAt,
  updatedById: catalogItemVersions.updatedById,
  updatedByName: catalogItemVersions.updatedByName,
  updatedAt: catalogItemVersions.updatedAt,
  publishedById: catalogItemVersions.publishedById,
  publishedByName: catalogItemVersions.publishedByName,
  publishedAt: catalogItemVersions.publishedAt,
};
export type VersionRow = Omit<Awaited<ReturnType<typeof findVersion>> & {}, 'guide'> & { guide: ItemGuide };

export async function findVersion(db: DbOrTx, id: string) {
  const [row] = await db
    .select(versionColumns)
    .from(catalogItemVersions)
    .innerJoin(catalogItems, eq(catalogItems.id, catalogItemVersions.itemId))
    .where(eq(catalogItemVersions.id, id));
  return row as (typeof row & { guide: ItemGuide }) | undefined;
}

export async function findVersions(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(versionColumns)
    .from(catalogItemVersions)
    .innerJoin(catalogItems, eq(catalogItems.id, catalogItemVersions.itemId))
    .where(inArray(catalogItemVersions.id, ids));
  return rows as VersionRow[];
}

/** Every version of an item, newest first. */
export async function listVersions(db: DbOrTx, itemId: string): Promise<VersionRow[]> {
  const rows = await db
    .select(versionColumns)
    .from(catalogItemVersions)
    .innerJoin(catalogItems, eq(catalogItems.id, catalogItemVersions.itemId))
    .where(eq(catalogItemVersions.itemId, itemId))
    .orderBy(desc(catalogItemVersions.number));
  return rows as VersionRow[];
}

/** The published guides of a center's items (what the portal and the search show). */
export async function listPublishedGuides(db: DbOrTx, centerId: string) {
  const rows = await db
    .select({
      id: catalogItems.id,
      code: catalogItems.code,
      versionId: catalogItemVersions.id,
      versionNumber: catalogItemVersions.number,
      publishedAt: catalogItemVersions.publishedAt,
      guide: catalogItemVersions.guide,
    })
    .from(catalogItems)
    .innerJoin(catalogItemVersions, eq(catalogItemVersions.id, catalogItems.publishedVersionId))
    .where(and(eq(catalogItems.centerId, centerId), eq(catalogItems.status, 'published')))
    .orderBy(asc(catalogItems.code));
  return rows as { id: string; code: string; versionId: string; versionNumber: number; publishedAt: Date; guide: ItemGuide }[];
}

/** What the export carries: each item's published guide, or its draft before the first publication. */
export async function listExportGuides(db: DbOrTx, centerId: string) {
  const rows = await db
    .select({
      id: catalogItems.id,
      code: catalogItems.code,
      status: catalogItems.status,
      version: catalogItems.version,
      publishedVersionId: catalogItems.publishedVersionId,
      draftVersionId: catalogItems.draftVersionId,
      hasDraft: sql<boolean>`${catalogItems.draftVersionId} is not null`,
      guide: catalogItemVersions.guide,
    })
    .from(catalogItems)
    .innerJoin(catalogItemVersions, eq(catalogItemVersions.id, sql`coalesce(${catalogItems.publishedVersionId}, ${catalogItems.draftVersionId})`))
    .where(eq(catalogItems.centerId, centerId))
    .orderBy(asc(catalogItems.code));
  return rows as {
    id: string;
    code: string;
    status: CatalogStatus;
    version: number;
    publishedVersionId: string | null;
    draftVersionId: string | null;
    hasDraft: boolean;
    guide: ItemGuide;
  }[];
}

export type NewItemRow = { id: string; versionId: string; code: string; guide: ItemGuide; status: CatalogStatus };

/**
 * Many new items at once (import, demo data): one statement per table, then the pointers.
 * Each gets version 1, published unless its status is draft.
 */
export async function insertItemsBulk(db: DbOrTx, centerId: string, rows: NewItemRow[], actor: Actor): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.insert(catalogItems).values(chunk.map((r) => ({ id: r.id, centerId, code: r.code, status: 'draft' as const })));
    await db.insert(catalogItemVersions).values(
      chunk.map((r) => {
        const isPublished = r.status !== 'draft';
        return {
          id: r.versionId,
          itemId: r.id,
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
      const version = sql`(select v.id from catalog_item_versions v where v.item_id = catalog_items.id)`;
      await db
        .update(catalogItems)
        .set(status === 'draft' ? { draftVersionId: version } : { status, publishedVersionId: version })
        .where(inArray(catalogItems.id, ids));
    }
  }
}
