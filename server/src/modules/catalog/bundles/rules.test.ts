import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleBundleGuide } from '../testing.ts';
import { checkBundleGuide, findCycle, promisedDaysOf } from './rules.ts';

const DEPT = '11111111-1111-4111-8111-111111111111';

describe('bundle rules', () => {
  it('a bundle needs members, each once, never itself', () => {
    expect(checkBundleGuide(sampleBundleGuide(DEPT, []), 'B')).toEqual([{ field: 'members', message: '一件事至少要包含一个事项' }]);
    const guide = sampleBundleGuide(DEPT, [
      { kind: 'item', code: 'I-1', stage: 1 },
      { kind: 'item', code: 'I-1', stage: 2 },
      { kind: 'bundle', code: 'B', stage: 1 },
    ]);
    expect(checkBundleGuide(guide, 'B').map((e) => e.field)).toEqual(['members.1.code', 'members.2.code']);
  });

  it('finds no cycle in a graph whose edges all point forward, and always finds one a back edge closes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }), fc.nat(n - 1), fc.nat(n - 1)),
        ),
        ([n, pairs, from, to]) => {
          const graph = new Map<string, string[]>();
          for (let i = 0; i < n; i++) graph.set(`B${i}`, []);
          for (const [a, b] of pairs) if (a < b) graph.get(`B${a}`)!.push(`B${b}`);
          for (let i = 0; i < n; i++) expect(findCycle(graph, `B${i}`)).toBeNull();
          // add a path from `to` back to `from` through a forward chain: from → … → to → from
          const lo = Math.min(from, to);
          const hi = Math.max(from, to);
          for (let i = lo; i < hi; i++) graph.get(`B${i}`)!.push(`B${i + 1}`);
          graph.get(`B${hi}`)!.push(`B${lo}`);
          const cycle = findCycle(graph, `B${lo}`);
          expect(cycle).not.toBeNull();
          expect(cycle![0]).toBe(`B${lo}`);
          expect(cycle![cycle!.length - 1]).toBe(`B${lo}`);
          for (let i = 0; i + 1 < cycle!.length; i++) expect(graph.get(cycle![i]!)).toContain(cycle![i + 1]);
        },
      ),
    );
  });

  it('the promised time lies between the longest member and the sum of all, and is the longest when all run in parallel', () => {
    const member = fc.record({ stage: fc.integer({ min: 1, max: 4 }), promisedDays: fc.integer({ min: 0, max: 60 }) });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 10 }), (members) => {
        const days = promisedDaysOf(members);
        const longest = Math.max(...members.map((m) => m.promisedDays));
        expect(days).toBeGreaterThanOrEqual(longest);
        expect(days).toBeLessThanOrEqual(members.reduce((s, m) => s + m.promisedDays, 0));
        expect(promisedDaysOf(members.map((m) => ({ ...m, stage: 1 })))).toBe(longest);
      }),
    );
  });
});
