import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allIndustries, industryTree, lookupIndustry } from './industry-codes.ts';

/** FACTS §4: the 20 sections of GB/T 4754-2017 and their divisions. */
const SECTIONS: [string, string, number, number][] = [
  ['A', '农、林、牧、渔业', 1, 5],
  ['B', '采矿业', 6, 12],
  ['C', '制造业', 13, 43],
  ['D', '电力、热力、燃气及水生产和供应业', 44, 46],
  ['E', '建筑业', 47, 50],
  ['F', '批发和零售业', 51, 52],
  ['G', '交通运输、仓储和邮政业', 53, 60],
  ['H', '住宿和餐饮业', 61, 62],
  ['I', '信息传输、软件和信息技术服务业', 63, 65],
  ['J', '金融业', 66, 69],
  ['K', '房地产业', 70, 70],
  ['L', '租赁和商务服务业', 71, 72],
  ['M', '科学研究和技术服务业', 73, 75],
  ['N', '水利、环境和公共设施管理业', 76, 79],
  ['O', '居民服务、修理和其他服务业', 80, 82],
  ['P', '教育', 83, 83],
  ['Q', '卫生和社会工作', 84, 85],
  ['R', '文化、体育和娱乐业', 86, 90],
  ['S', '公共管理、社会保障和社会组织', 91, 96],
  ['T', '国际组织', 97, 97],
];

describe('GB/T 4754-2017 industry table (FACTS §4)', () => {
  it('has the 20 sections with their names and exactly their divisions 01–97', () => {
    const tree = industryTree();
    expect(tree.map((s) => [s.code, s.name])).toEqual(SECTIONS.map(([c, n]) => [c, n]));
    for (const [letter, , from, to] of SECTIONS) {
      const divisions = tree.find((s) => s.code === letter)!.children!.map((d) => d.code);
      const expected = Array.from({ length: to - from + 1 }, (_, i) => `${letter}${String(from + i).padStart(2, '0')}`);
      expect(divisions, letter).toEqual(expected);
    }
    const counts = { section: 0, division: 0, group: 0, class: 0 };
    for (const i of allIndustries()) counts[i.level] += 1;
    expect(counts).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
  });

  it('every code sits under its parent: group digits extend the division, class digits the group', () => {
    for (const s of industryTree()) {
      for (const d of s.children!) {
        expect(d.code.startsWith(s.code)).toBe(true);
        for (const g of d.children!) {
          expect(g.code).toMatch(new RegExp(`^${d.code}\\d$`));
          for (const c of g.children!) expect(c.code).toMatch(new RegExp(`^${g.code}\\d$`));
        }
      }
    }
  });

  it('reads codes with or without the section letter, any level, any case', () => {
    expect(lookupIndustry('C')).toMatchObject({ ok: true, industry: { code: 'C', level: 'section', name: '制造业' } });
    expect(lookupIndustry('c13')).toMatchObject({ ok: true, industry: { code: 'C13', level: 'division', name: '农副食品加工业' } });
    expect(lookupIndustry('F52')).toMatchObject({ ok: true, industry: { code: 'F52', level: 'division', name: '零售业' } });
    expect(lookupIndustry('G5920')).toMatchObject({ ok: true, industry: { code: 'G5920', level: 'class', name: '通用仓储' } });
    expect(lookupIndustry('K7010')).toMatchObject({ ok: true, industry: { code: 'K7010', name: '房地产开发经营' } });
    expect(lookupIndustry('1311')).toMatchObject({ ok: true, industry: { code: 'C1311', path: ['制造业', '农副食品加工业', '谷物磨制', '稻谷加工'] } });
    expect(lookupIndustry('A022')).toMatchObject({ ok: true, industry: { level: 'group', name: '造林和更新' } });
  });

  it('refuses unknown codes, a letter that does not match, and 2011-edition codes', () => {
    expect(lookupIndustry('U')).toMatchObject({ ok: false });
    expect(lookupIndustry('C99')).toMatchObject({ ok: false });
    expect(lookupIndustry('C1318')).toMatchObject({ ok: false });
    expect(lookupIndustry('X')).toMatchObject({ ok: false });
    expect(lookupIndustry('C-13')).toMatchObject({ ok: false });
    expect(lookupIndustry('')).toMatchObject({ ok: false });
    // 2011: O began at 79 and T was 96; in 2017 79 is 土地管理业 (N) and 96 is in S.
    const o79 = lookupIndustry('O79');
    expect(o79.ok).toBe(false);
    if (!o79.ok) expect(o79.reason).toContain('门类 N');
    expect(lookupIndustry('T96')).toMatchObject({ ok: false });
    // 2011's 6510 软件开发 became the group 651 with four classes in 2017
    expect(lookupIndustry('I6510')).toMatchObject({ ok: false });
  });

  it('every code of the table is found again from its own spelling', () => {
    const all = allIndustries();
    fc.assert(
      fc.property(fc.constantFrom(...all), (industry) => {
        expect(lookupIndustry(industry.code)).toEqual({ ok: true, industry });
        if (industry.level !== 'section') expect(lookupIndustry(industry.code.slice(1))).toEqual({ ok: true, industry });
      }),
      { numRuns: 1000 },
    );
  });
});
