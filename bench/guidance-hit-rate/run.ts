/**
 * Smart guidance hit rates over the labelled query set (and a held-out set), on the demo catalog.
 * Run: npx tsx bench/guidance-hit-rate/run.ts [--misses]
 */
import queries from '../../server/src/modules/catalog/guidance/queries.zh-CN.json' with { type: 'json' };
import holdout from '../../server/src/modules/catalog/guidance/queries.holdout.zh-CN.json' with { type: 'json' };
import { demoSearchDocs } from '../../server/src/modules/catalog/demo.ts';
import { measureHitRates } from '../../server/src/modules/catalog/guidance/hit-rate.ts';
import { buildSearchIndex } from '../../server/src/modules/catalog/guidance/search-index.ts';
import { DEMO_DEPARTMENTS } from '../../server/src/demo/data.ts';

const index = buildSearchIndex(demoSearchDocs(DEMO_DEPARTMENTS.map((d) => d.name)));
const rates = measureHitRates(index, queries);
console.log(`labelled queries: ${rates.total} (catalog: ${index.size} items and bundles)`);
console.log(`top-1 hit rate: ${(rates.top1 * 100).toFixed(1)}%`);
console.log(`top-3 hit rate: ${(rates.top3 * 100).toFixed(1)}%`);
const held = measureHitRates(index, holdout);
console.log(`held-out queries (written after tuning, never tuned on): ${held.total}`);
console.log(`held-out top-1 hit rate: ${(held.top1 * 100).toFixed(1)}%`);
console.log(`held-out top-3 hit rate: ${(held.top3 * 100).toFixed(1)}%`);
if (process.argv.includes('--misses')) {
  for (const q of [...queries, ...holdout]) {
    const got = index.search(q.query, 3);
    const ok = got[0] && q.expected.includes(got[0].code);
    if (!ok) console.log(`${q.query}  expected ${q.expected.join('|')}  got ${got.map((r) => `${r.code}(${r.name} ${r.score})`).join(', ')}`);
  }
}
