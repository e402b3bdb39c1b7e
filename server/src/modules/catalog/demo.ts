import type { Db } from '../../platform/db/database.ts';
import { listDepartments } from '../staff/service.ts';
import { SYSTEM_EDITOR } from './editor.ts';
import { uploadFile } from './files/service.ts';
import { loadCatalog } from './import-export/apply.ts';
import type { CatalogData } from './import-export/plan.ts';
import { bundleGuideOf, itemGuideOf } from './demo/build.ts';
import { DEMO_BUNDLES } from './demo/bundles.ts';
import { CONSTRUCTION_ITEMS } from './demo/items-construction.ts';
import { BENEFIT_ITEMS } from './demo/items-benefits.ts';
import { OTHER_ITEMS } from './demo/items-other.ts';
import { PERMIT_ITEMS } from './demo/items-permits.ts';
import { START_UP_ITEMS } from './demo/items-start-up.ts';
import { templateFiles } from './demo/templates.ts';
import type { SearchDoc } from './guidance/search-index.ts';
import { searchDocsOf } from './published/cache.ts';

/** Every item of CATALOG.md, and the 惠企政策 items policy applications are made under (6.2.2), in the demo center. */
export const DEMO_ITEMS = [...START_UP_ITEMS, ...PERMIT_ITEMS, ...CONSTRUCTION_ITEMS, ...OTHER_ITEMS, ...BENEFIT_ITEMS];
export { DEMO_BUNDLES };

/** The demo catalog as load data, given the center's department and file ids. */
export function demoCatalogData(departmentIds: ReadonlyMap<string, string>, fileIds: ReadonlyMap<string, string>): CatalogData {
  return {
    items: DEMO_ITEMS.map((item) => ({ code: item.code, status: 'published' as const, guide: itemGuideOf(item, departmentIds, fileIds) })),
    bundles: DEMO_BUNDLES.map((b) => ({ code: b.code, status: 'published' as const, guide: bundleGuideOf(b, departmentIds) })),
  };
}

/** Loads the demo catalog into a center through the catalog's own load path (as an import would). */
export async function seedCatalogDemo(db: Db, centerId: string): Promise<void> {
  const departmentIds = new Map((await listDepartments(db, centerId)).map((d) => [d.name, d.id]));
  const fileIds = new Map<string, string>();
  for (const file of await templateFiles()) {
    const uploaded = await uploadFile(db, centerId, { filename: file.filename, content: file.content }, SYSTEM_EDITOR);
    fileIds.set(file.key, uploaded.id);
  }
  await loadCatalog(db, centerId, demoCatalogData(departmentIds, fileIds), SYSTEM_EDITOR);
}

/**
 * The demo catalog's search documents without a database (department names stand in for their
 * ids): what the hit-rate test and the benchmarks search. `departmentNames`: the demo's departments.
 */
export function demoSearchDocs(departmentNames: readonly string[]): SearchDoc[] {
  const names = new Map(departmentNames.map((name) => [name, name]));
  const data = demoCatalogData(names, new Map());
  return searchDocsOf(
    new Map(data.items.map((i) => [i.code, i])),
    new Map(data.bundles.map((b) => [b.code, b])),
    names,
  );
}
