import type { SearchIndex } from './search-index.ts';

export type LabelledQuery = { query: string; expected: string[] };
export type HitRates = { total: number; top1: number; top3: number; misses: { query: string; expected: string[]; got: string[] }[] };

/** Top-1 and top-3 hit rates of an index over labelled queries (a hit: an expected code among the first n). */
export function measureHitRates(index: SearchIndex, queries: readonly LabelledQuery[]): HitRates {
  let top1 = 0;
  let top3 = 0;
  const misses: HitRates['misses'] = [];
  for (const q of queries) {
    const got = index.search(q.query, 3).map((r) => r.code);
    if (got[0] !== undefined && q.expected.includes(got[0])) top1++;
    if (got.some((code) => q.expected.includes(code))) top3++;
    else misses.push({ query: q.query, expected: q.expected, got });
  }
  return { total: queries.length, top1: top1 / queries.length, top3: top3 / queries.length, misses };
}
