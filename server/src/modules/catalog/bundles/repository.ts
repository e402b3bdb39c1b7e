import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { catalogBundles, catalogBundleVersions } from '../tables.ts';
import type { BundleGuide } from '../contract.ts';
import { versionedRepository } from '../versions/repository.ts';

/** Bundles' versioned storage; the queries only bundles need follow it. */
export const bundleRepository = versionedRepository<BundleGuide>({
  entries: catalogBundles,
  versions: catalogBundleVersions,
  entryKey: 'bundleId',
  guideColumns: (guide) => ({ name: guide.name, lifeStage: guide.lifeStage, leadDepartmentId: guide.leadDepartmentId, guide }),
  group: catalogBundleVersions.lifeStage,
  departmentId: catalogBundleVersions.leadDepartmentId,
});

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
