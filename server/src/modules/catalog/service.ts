/**
 * What other modules use of the catalog (applications, queue, appointments…): guides by code and
 * by version. A version id stays valid forever; a published version never changes.
 */
export { getGuideVersion, getItem, getItemByCode } from './items/service.ts';
export { getBundle, getBundleByCode, getBundleVersion } from './bundles/service.ts';
export { guideOfVersion, publishedBundleState, publishedItemState } from './published/per-request.ts';
export { getItemNotice, getBundleNotice } from './portal/service.ts';
export { searchCatalog } from './guidance/service.ts';
/** The situation rules as pure functions, for applications that check materials against one guide version. */
export { applyItemSituations, applyBundleSituations, mergeMaterials, normalizeName, type AppliedMaterial } from './situations/notice.ts';
/** A center's published items with their theme and appointment mode (queue, appointments). */
export { listPublishedItemFacts, type PublishedItemFacts } from './published/items.ts';
/** The center the public portal shows when none is named. */
export { resolvePortalCenter } from './portal/service.ts';
