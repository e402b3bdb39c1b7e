/**
 * The process cache of what is published (platform/cache; read by published/per-request.ts): a
 * publish, withdrawal or import invalidates it in its transaction (catalog/repository.ts).
 */
export const PUBLISHED_CACHE = 'catalog-published';
