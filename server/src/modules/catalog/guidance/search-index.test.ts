import { describe, expect, it } from 'vitest';
import { demoSearchDocs } from '../demo.ts';
import { measureHitRates } from './hit-rate.ts';
import holdout from './queries.holdout.zh-CN.json' with { type: 'json' };
import queries from './queries.zh-CN.json' with { type: 'json' };
import { buildSearchIndex, isGoodMatch, type SearchDoc } from './search-index.ts';
import { DEMO_DEPARTMENTS } from '../../../demo/data.ts';

const index = buildSearchIndex(demoSearchDocs(DEMO_DEPARTMENTS.map((d) => d.name)));

describe('smart guidance on the demo catalog', () => {
  it('keeps its hit rates on the labelled query set (measured: top-1 96.8%, top-3 100%)', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const rates = measureHitRates(index, queries);
    expect(rates.top1).toBeGreaterThanOrEqual(0.9);
    expect(rates.top3).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps its hit rates on the held-out queries it was never tuned on (measured: top-1 81.5%, top-3 100%)', () => {
    const rates = measureHitRates(index, holdout);
    expect(rates.top1).toBeGreaterThanOrEqual(0.75);
    expect(rates.top3).toBeGreaterThanOrEqual(0.9);
  });

  it('calls a first result a good match when it is right, and not when the catalog has nothing for the query', () => {
    const right = [...queries, ...holdout].filter((q) => q.expected.includes(index.search(q.query, 1)[0]?.code ?? ''));
    const good = right.filter((q) => isGoodMatch(index.search(q.query, 3)));
    expect(good.length / right.length).toBeGreaterThanOrEqual(0.97);
    expect(isGoodMatch(index.search('营业执照丢了怎么办', 3))).toBe(true);
    for (const q of ['明天天气怎么样', '孩子上学', '许可', '公司']) expect(isGoodMatch(index.search(q, 3)), q).toBe(false);
    // without the reissue item the licence question only brushes 个体工商户设立登记: no good match
    const without = buildSearchIndex(demoSearchDocs(DEMO_DEPARTMENTS.map((d) => d.name)).filter((d) => d.code !== 'NH-SCJG-011' && d.code !== 'NH-SCJG-012'));
    const brushed = without.search('营业执照丢了怎么办', 3);
    expect(brushed[0]?.code).toBe('NH-SCJG-005');
    expect(isGoodMatch(brushed)).toBe(false);
  });

  it('every labelled query names codes of the demo catalog', () => {
    const codes = new Set(demoSearchDocs(DEMO_DEPARTMENTS.map((d) => d.name)).map((d) => d.code));
    for (const q of [...queries, ...holdout]) for (const code of q.expected) expect(codes, q.query).toContain(code);
  });
});

describe('ranking', () => {
  const names: Record<string, string> = { A: '食品经营许可', B: '企业设立登记', W: '用水报装', E: '用电报装' };
  // as searchDocsOf builds them: a bundle's context names its members
  const doc = (kind: 'item' | 'bundle', code: string, name: string, members: string[] = []): SearchDoc => ({
    kind,
    code,
    name,
    keywords: [],
    conditions: [],
    context: members.map((m) => names[m]!),
    members,
  });
  const small = buildSearchIndex([
    doc('item', 'A', '食品经营许可'),
    doc('item', 'B', '企业设立登记'),
    doc('item', 'W', '用水报装'),
    doc('item', 'E', '用电报装'),
    doc('bundle', 'X', '开办餐饮店一件事', ['A', 'B']),
    doc('bundle', 'U', '联合报装一件事', ['W', 'E']),
  ]);

  it('prefers the bundle when the query describes a whole goal', () => {
    expect(small.search('食品经营许可', 5)[0]!.code).toBe('A');
    expect(small.search('我想开一家奶茶店', 5)[0]!.code).toBe('X');
  });

  it('prefers the bundle when the query names several of its items', () => {
    expect(small.search('用水', 5)[0]!.code).toBe('W');
    expect(small.search('接水接电', 5)[0]!.code).toBe('U');
  });

  it('ranks best first, respects the limit, and answers nonsense with nothing', () => {
    const results = index.search('许可', 5);
    expect(results).toHaveLength(5);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(index.search('🙂🙂 qwerty', 5)).toEqual([]);
    expect(index.search('的了吗', 5)).toEqual([]);
    expect(buildSearchIndex([]).search('开饭店', 5)).toEqual([]);
  });
});
