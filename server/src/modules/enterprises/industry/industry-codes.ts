import fs from 'node:fs';

/**
 * The national economic industry classification, GB/T 4754-2017 (FACTS §4), shipped as data:
 * 门类 (section letter) → 大类 (2 digits) → 中类 (3) → 小类 (4). Codes are written with their
 * section letter (`C`, `C13`, `C131`, `C1311`); bare digits are read too and given their letter.
 */

export { INDUSTRY_LEVELS, type Industry, type IndustryLevel, type IndustryTreeNode } from './types.ts';
import type { Industry, IndustryTreeNode } from './types.ts';

type RawTable = {
  sections: {
    code: string;
    name: string;
    divisions: { code: string; name: string; groups: { code: string; name: string; classes: [string, string][] }[] }[];
  }[];
};

const raw = JSON.parse(fs.readFileSync(new URL('./gbt4754-2017.json', import.meta.url), 'utf8')) as RawTable;

const byCode = new Map<string, Industry>();
/** digits → section letter, for codes given without their letter */
const sectionOfDigits = new Map<string, string>();

for (const s of raw.sections) {
  byCode.set(s.code, { code: s.code, name: s.name, level: 'section', section: s.code, division: null, path: [s.name] });
  for (const d of s.divisions) {
    const dPath = [s.name, d.name];
    sectionOfDigits.set(d.code, s.code);
    byCode.set(s.code + d.code, { code: s.code + d.code, name: d.name, level: 'division', section: s.code, division: d.code, path: dPath });
    for (const g of d.groups) {
      const gPath = [...dPath, g.name];
      sectionOfDigits.set(g.code, s.code);
      byCode.set(s.code + g.code, { code: s.code + g.code, name: g.name, level: 'group', section: s.code, division: d.code, path: gPath });
      for (const [code, name] of g.classes) {
        sectionOfDigits.set(code, s.code);
        // A group with a single class has the class's name: the path does not repeat it.
        const path = name === g.name ? gPath : [...gPath, name];
        byCode.set(s.code + code, { code: s.code + code, name, level: 'class', section: s.code, division: d.code, path });
      }
    }
  }
}

export type IndustryLookup = { ok: true; industry: Industry } | { ok: false; reason: string };

/** Reads an industry code as a person or another system writes it; says why when it is not in the table. */
export function lookupIndustry(input: string): IndustryLookup {
  const text = input.trim().toUpperCase();
  const match = /^([A-Z])?(\d{2,4})?$/.exec(text);
  if (!text || !match || (!match[1] && !match[2])) {
    return { ok: false, reason: '行业代码应为门类字母加 2–4 位数字，例如 C、C13、F52、G5920、K7010' };
  }
  const [, letter, digits] = match;
  if (!digits) {
    const section = byCode.get(letter!);
    return section ? { ok: true, industry: section } : { ok: false, reason: `GB/T 4754-2017 没有门类 ${letter}（门类为 A–T）` };
  }
  const section = sectionOfDigits.get(digits);
  if (!section) {
    return { ok: false, reason: `GB/T 4754-2017 中没有行业代码 ${digits}` };
  }
  if (letter && letter !== section) {
    const name = byCode.get(section + digits.slice(0, 2))?.name ?? '';
    return {
      ok: false,
      reason: `代码 ${digits} 属于门类 ${section}（${byCode.get(section)!.name}），不属于门类 ${letter}；大类 ${digits.slice(0, 2)} 为“${name}”（注意不要使用 2011 版代码）`,
    };
  }
  return { ok: true, industry: byCode.get(section + digits)! };
}

export function industryByCode(code: string): Industry | undefined {
  return byCode.get(code);
}

/** The whole table as a tree (sections → divisions → groups → classes), for pickers. */
export function industryTree(): IndustryTreeNode[] {
  return raw.sections.map((s) => ({
    code: s.code,
    name: s.name,
    children: s.divisions.map((d) => ({
      code: s.code + d.code,
      name: d.name,
      children: d.groups.map((g) => ({
        code: s.code + g.code,
        name: g.name,
        children: g.classes.map(([code, name]) => ({ code: s.code + code, name })),
      })),
    })),
  }));
}

/** Every code of the table, for tests and for generating demo data. */
export function allIndustries(): Industry[] {
  return [...byCode.values()];
}
