import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enterpriseArb, ruleArb } from '../rules/arbitraries.ts';
import { evaluateRule, wholeYears, type EnterpriseAttributes } from '../rules/evaluate.ts';
import { hasBit, slotsOf } from './bitset.ts';
import { Columns } from './columns.ts';
import { Matcher } from './matcher.ts';
import { readSnapshot, writeSnapshot } from './snapshot.ts';

const TODAY = '2026-02-28';

function load(enterprises: EnterpriseAttributes[]) {
  const columns = new Columns(4);
  enterprises.forEach((e, i) => columns.upsert({ ...e, uscc: `E${i}` }));
  return new Matcher(columns, () => TODAY);
}

const expected = (rule: Parameters<typeof evaluateRule>[0], es: EnterpriseAttributes[]) =>
  es.flatMap((e, i) => (evaluateRule(rule, e, TODAY) ? [i] : []));

describe('the compiled matcher', () => {
  it('agrees exactly with the plain evaluator on random rules and enterprises (whole set)', () => {
    fc.assert(
      fc.property(fc.array(enterpriseArb, { minLength: 1, maxLength: 90 }), fc.array(ruleArb, { minLength: 1, maxLength: 6 }), (es, rules) => {
        const m = load(es);
        rules.forEach((rule, p) => m.setPolicy(`p${p}`, rule));
        m.rematchAll();
        rules.forEach((rule, p) => expect(slotsOf(m.matchesOf(`p${p}`)!)).toEqual(expected(rule, es)));
        es.forEach((e, i) => expect(m.policiesOfSlot(i)).toEqual(rules.flatMap((r, p) => (evaluateRule(r, e, TODAY) ? [`p${p}`] : []))));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps agreeing when enterprises change one at a time and are re-matched', () => {
    fc.assert(
      fc.property(
        fc.array(enterpriseArb, { minLength: 1, maxLength: 40 }),
        fc.array(ruleArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), enterpriseArb), { maxLength: 15 }),
        (es, rules, changes) => {
          const m = load(es);
          rules.forEach((rule, p) => m.setPolicy(`p${p}`, rule));
          const current = [...es];
          for (const [at, next] of changes) {
            const i = at % current.length;
            current[i] = next;
            const slot = m.columns.upsert({ ...next, uscc: `E${i}` });
            const { matched } = m.rematchSlot(slot);
            expect(matched).toEqual(rules.flatMap((r, p) => (evaluateRule(r, next, TODAY) ? [`p${p}`] : [])));
          }
          rules.forEach((rule, p) => {
            expect(slotsOf(m.matchesOf(`p${p}`)!)).toEqual(expected(rule, current));
            expect(slotsOf(m.evaluate(rule))).toEqual(expected(rule, current));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads the attributes back as they were given', () => {
    fc.assert(
      fc.property(fc.array(enterpriseArb, { minLength: 1, maxLength: 20 }), (es) => {
        const m = load(es);
        es.forEach((e, i) => {
          const back = m.columns.attributes(i);
          expect({ ...back, tags: back.tags.sort(), licenses: back.licenses.sort() }).toEqual({ ...e, uscc: `E${i}`, tags: [...e.tags].sort(), licenses: [...e.licenses].sort() });
        });
      }),
    );
  });

  it('leaves a removed enterprise out, also under not', () => {
    const m = load([{ uscc: '', industryCode: 'C13', sizeClass: 'small', districtCode: '440605', town: '狮山镇', registrationDate: null, employees: null, revenue: null, assets: null, tags: [], licenses: [], seriousBadCredit: false }]);
    m.columns.remove('E0');
    expect(hasBit(m.evaluate({ not: { field: 'employees', op: 'gte', value: 5 } }), 0)).toBe(false);
  });
});

describe('whole years since registration', () => {
  it('counts the anniversary on the business date, Feb 29 included', () => {
    expect(wholeYears('2020-02-29', '2025-02-28')).toBe(4);
    expect(wholeYears('2020-02-29', '2025-03-01')).toBe(5);
    expect(wholeYears('2021-03-01', '2026-03-01')).toBe(5);
    expect(wholeYears('2021-03-02', '2026-03-01')).toBe(4);
  });
});

describe('the binary snapshot', () => {
  it('gives back the same columns and the same matches', () => {
    fc.assert(
      fc.property(fc.array(enterpriseArb, { minLength: 1, maxLength: 60 }), fc.array(ruleArb, { minLength: 1, maxLength: 4 }), (es, rules) => {
        const m = load(es);
        const file = path.join(os.tmpdir(), `banshi-snapshot-${process.pid}.bin`);
        writeSnapshot(m.columns, file);
        const back = new Matcher(readSnapshot(file), () => TODAY);
        fs.rmSync(file);
        es.forEach((_, i) => expect(back.columns.attributes(i)).toEqual(m.columns.attributes(i)));
        rules.forEach((rule) => expect(slotsOf(back.evaluate(rule))).toEqual(expected(rule, es)));
      }),
      { numRuns: 30 },
    );
  });
});
