import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { departmentName } from '../../staff/lookups.ts';
import type { CatalogStatus, VersionState } from '../contract.ts';
import type { catalogBundles, catalogBundleVersions, catalogItems, catalogItemVersions } from '../tables.ts';
import { invalidate } from '../../../platform/cache/cache.ts';
import { PUBLISHED_CACHE } from '../published/cache-names.ts';

/**
 * The tables of one kind of versioned catalog entry (items, bundles): an entry table with the
 * state and the version pointers, and a versions table holding each version's guide as JSON.
 */
export type VersionedTables<G> = {
  entries: typeof catalogItems | typeof catalogBundles;
  versions: typeof catalogItemVersions | typeof catalogBundleVersions;
  /** the property of the versions table that names its entry */
  entryKey: 'itemId' | 'bundleId';
  /** the columns derived from a guide: what the database guards and other modules filter on */
  guideColumns: (guide: G) => Record<string, unknown>;
  /** what the admin list shows as the entry's group (theme, life stage) and department */
  group: PgColumn;
  departmentId: PgColumn;
};

export type Actor = { id: string | null; name: string };

export type EntryRow = {
  id: string;
  centerId: string;
  code: string;
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  withdrawnReason: string;
  version: number;
};

export type EntryPointers = Pick<EntryRow, 'status' | 'publishedVersionId' | 'draftVersionId' | 'withdrawnReason'>;

export type EntryListFilter = { q?: string; status?: CatalogStatus };

/** One version with who made it and its entry's center and code. */
export type VersionRow<G> = {
  id: string;
  entryId: string;
  centerId: string;
  code: string;
  number: number;
  state: VersionState;
  guide: G;
  note: string;
  createdById: string | null;
  createdByName: string;
  createdAt: Date;
  updatedById: string | null;
  updatedByName: string;
  updatedAt: Date;
  publishedById: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
};

export type PublishedGuideRow<G> = { id: string; code: string; versionId: string; versionNumber: number; publishedAt: Date; guide: G };

export type ExportGuideRow<G> = Omit<EntryRow, 'centerId' | 'withdrawnReason'> & { hasDraft: boolean; guide: G };

export type NewEntryRow<G> = { id: string; versionId: string; code: string; guide: G; status: CatalogStatus };

export type VersionedRepository<G> = ReturnType<typeof versionedRepository<G>>;

/** The queries items and bundles share, over the tables of one kind. */
export function versionedRepository<G>(t: VersionedTables<G>) {
  const { entries, versions } = t;
  const entryId = (versions as unknown as Record<VersionedTables<G>['entryKey'], PgColumn>)[t.entryKey];
  const entryColumns = {
    id: entries.id,
    centerId: entries.centerId,
    code: entries.code,
    status: entries.status,
    publishedVersionId: entries.publishedVersionId,
    draftVersionId: entries.draftVersionId,
    withdrawnReason: entries.withdrawnReason,
    version: entries.version,
  };
  const versionColumns = {
    id: versions.id,
    entryId,
    centerId: entries.centerId,
    code: entries.code,
    number: versions.number,
    state: versions.state,
    guide: versions.guide,
    note: versions.note,
    createdById: versions.createdById,
    createdByName: versions.createdByName,
    createdAt: versions.createdAt,
    updatedById: versions.updatedById,
    updatedByName: versions.updatedByName,
    updatedAt: versions.updatedAt,
    publishedById: versions.publishedById,
    publishedByName: versions.publishedByName,
    publishedAt: versions.publishedAt,
  };
  /** The version an entry is listed and exported by: its published one, or its draft before the first publication. */
  const shownVersion = eq(versions.id, sql`coalesce(${entries.publishedVersionId}, ${entries.draftVersionId})`);
  const selectVersions = (db: DbOrTx) => db.select(versionColumns).from(versions).innerJoin(entries, eq(entries.id, entryId));
  /** The stamps of a version made by `actor`, published at once when `isPublished`. */
  const stampsOf = (actor: Actor, isPublished: boolean) => ({
    createdById: actor.id,
    createdByName: actor.name,
    updatedById: actor.id,
    updatedByName: actor.name,
    ...(isPublished ? { publishedById: actor.id, publishedByName: actor.name, publishedAt: sql`now()` } : {}),
  });

  return {
    async findEntry(db: DbOrTx, id: string): Promise<EntryRow | undefined> {
      const [row] = await db.select(entryColumns).from(entries).where(eq(entries.id, id));
      return row;
    },

    async findEntryByCode(db: DbOrTx, centerId: string, code: string): Promise<EntryRow | undefined> {
      const [row] = await db
        .select(entryColumns)
        .from(entries)
        .where(and(eq(entries.centerId, centerId), eq(entries.code, code)));
      return row;
    },

    /** The admin list: each entry with the name of its published version, or of its draft before the first publication. */
    async listSummaries(db: DbOrTx, centerId: string, filter: EntryListFilter) {
      const conditions: SQL[] = [eq(entries.centerId, centerId)];
      if (filter.status) conditions.push(eq(entries.status, filter.status));
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(or(ilike(versions.name, pattern), ilike(entries.code, pattern))!);
      }
      const rows = await db
        .select({
          id: entries.id,
          code: entries.code,
          name: versions.name,
          status: entries.status,
          hasDraft: sql<boolean>`${entries.draftVersionId} is not null`,
          publishedNumber: sql<number | null>`(select number from ${versions} p where p.id = ${entries.publishedVersionId})`,
          group: t.group,
          departmentId: t.departmentId,
          departmentName: sql<string>`${departmentName(t.departmentId)}`,
          updatedAt: entries.updatedAt,
          version: entries.version,
        })
        .from(entries)
        .innerJoin(versions, shownVersion)
        .where(and(...conditions))
        .orderBy(asc(entries.code));
      return rows as (Omit<(typeof rows)[number], 'group' | 'departmentId'> & { group: string; departmentId: string })[];
    },

    async insertEntry(db: DbOrTx, centerId: string, code: string): Promise<string> {
      const [row] = await db.insert(entries).values({ centerId, code, status: 'draft' }).returning({ id: entries.id });
      return row!.id;
    },

    /** Optimistic update of the entry's state and version pointers: false when the entry moved on. */
    async updatePointers(db: DbOrTx, id: string, version: number, pointers: EntryPointers): Promise<boolean> {
      await invalidate(db, PUBLISHED_CACHE);
      const rows = await db
        .update(entries)
        .set({ ...pointers, version: sql`${entries.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(entries.id, id), eq(entries.version, version)))
        .returning({ id: entries.id });
      return rows.length === 1;
    },

    async insertVersion(
      db: DbOrTx,
      v: { entryId: string; number: number; state: VersionState; guide: G; note: string; actor: Actor; isPublished?: boolean },
    ): Promise<string> {
      const [row] = await db
        .insert(versions)
        .values({
          [t.entryKey]: v.entryId,
          number: v.number,
          state: v.state,
          ...t.guideColumns(v.guide),
          note: v.note,
          ...stampsOf(v.actor, v.isPublished ?? false),
        } as typeof versions.$inferInsert)
        .returning({ id: versions.id });
      return row!.id;
    },

    async updateDraftVersion(db: DbOrTx, id: string, guide: G, note: string, actor: Actor): Promise<void> {
      await db
        .update(versions)
        .set({ ...t.guideColumns(guide), note, updatedById: actor.id, updatedByName: actor.name, updatedAt: sql`now()` })
        .where(and(eq(versions.id, id), eq(versions.state, 'draft')));
    },

    async publishVersion(db: DbOrTx, id: string, actor: Actor): Promise<void> {
      await db
        .update(versions)
        .set({ state: 'published', publishedById: actor.id, publishedByName: actor.name, publishedAt: sql`now()` })
        .where(and(eq(versions.id, id), eq(versions.state, 'draft')));
    },

    async supersedeVersion(db: DbOrTx, id: string): Promise<void> {
      await db
        .update(versions)
        .set({ state: 'superseded' })
        .where(and(eq(versions.id, id), eq(versions.state, 'published')));
    },

    async deleteDraftVersion(db: DbOrTx, id: string): Promise<void> {
      await db.delete(versions).where(and(eq(versions.id, id), eq(versions.state, 'draft')));
    },

    async nextVersionNumber(db: DbOrTx, id: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`coalesce(max(${versions.number}), 0)::int` })
        .from(versions)
        .where(eq(entryId, id));
      return (row?.n ?? 0) + 1;
    },

    async findVersion(db: DbOrTx, id: string): Promise<VersionRow<G> | undefined> {
      const [row] = await selectVersions(db).where(eq(versions.id, id));
      return row as VersionRow<G> | undefined;
    },

    async findVersions(db: DbOrTx, ids: string[]): Promise<VersionRow<G>[]> {
      if (ids.length === 0) return [];
      return (await selectVersions(db).where(inArray(versions.id, ids))) as VersionRow<G>[];
    },

    /** Every version of an entry, newest first. */
    async listVersions(db: DbOrTx, id: string): Promise<VersionRow<G>[]> {
      return (await selectVersions(db).where(eq(entryId, id)).orderBy(desc(versions.number))) as VersionRow<G>[];
    },

    /** The published guides of a center's entries (what the portal and the search show). */
    async listPublishedGuides(db: DbOrTx, centerId: string): Promise<PublishedGuideRow<G>[]> {
      const rows = await db
        .select({
          id: entries.id,
          code: entries.code,
          versionId: versions.id,
          versionNumber: versions.number,
          publishedAt: versions.publishedAt,
          guide: versions.guide,
        })
        .from(entries)
        .innerJoin(versions, eq(versions.id, entries.publishedVersionId))
        .where(and(eq(entries.centerId, centerId), eq(entries.status, 'published')))
        .orderBy(asc(entries.code));
      return rows as PublishedGuideRow<G>[];
    },

    /** What the export carries: each entry's published guide, or its draft before the first publication. */
    async listExportGuides(db: DbOrTx, centerId: string): Promise<ExportGuideRow<G>[]> {
      const rows = await db
        .select({
          id: entries.id,
          code: entries.code,
          status: entries.status,
          version: entries.version,
          publishedVersionId: entries.publishedVersionId,
          draftVersionId: entries.draftVersionId,
          hasDraft: sql<boolean>`${entries.draftVersionId} is not null`,
          guide: versions.guide,
        })
        .from(entries)
        .innerJoin(versions, shownVersion)
        .where(eq(entries.centerId, centerId))
        .orderBy(asc(entries.code));
      return rows as ExportGuideRow<G>[];
    },

    /**
     * Many new entries at once (import, demo data): one statement per table, then the pointers.
     * Each gets version 1, published unless its status is draft.
     */
    async insertBulk(db: DbOrTx, centerId: string, rows: NewEntryRow<G>[], actor: Actor): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await db.insert(entries).values(chunk.map((r) => ({ id: r.id, centerId, code: r.code, status: 'draft' as const })));
        await db.insert(versions).values(
          chunk.map((r) => {
            const isPublished = r.status !== 'draft';
            return {
              id: r.versionId,
              [t.entryKey]: r.id,
              number: 1,
              state: isPublished ? ('published' as const) : ('draft' as const),
              ...t.guideColumns(r.guide),
              note: '',
              ...stampsOf(actor, isPublished),
            } as typeof versions.$inferInsert;
          }),
        );
        for (const status of ['draft', 'published', 'withdrawn'] as const) {
          const ids = chunk.filter((r) => r.status === status).map((r) => r.id);
          if (ids.length === 0) continue;
          // each new entry has exactly one version so far
          const version = sql`(select v.id from ${versions} v where v.${sql.identifier(entryId.name)} = ${entries.id})`;
          await db
            .update(entries)
            .set(status === 'draft' ? { draftVersionId: version } : { status, publishedVersionId: version })
            .where(inArray(entries.id, ids));
        }
      }
    },
  };
}
