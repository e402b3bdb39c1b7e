import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleItemGuide } from '../testing.ts';
import { checkItemGuide, normalizeItemGuide } from './rules.ts';

const DEPT = '11111111-1111-4111-8111-111111111111';
const fields = (guide: Parameters<typeof checkItemGuide>[0]) => checkItemGuide(guide).map((e) => e.field);

describe('item guide rules', () => {
  it('a valid guide has no problems', () => {
    expect(checkItemGuide(sampleItemGuide(DEPT))).toEqual([]);
  });

  it('the supplement deadline may never exceed the promised time limit (A.9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 90 }), (promised, supplement) => {
        const guide = sampleItemGuide(DEPT, {
          legalLimitDays: null,
          promisedLimitDays: promised,
          deferral: { isAllowed: true, materialKeys: ['floor_plan'], supplementDays: supplement },
        });
        expect(fields(guide).includes('deferral.supplementDays')).toBe(supplement > promised);
      }),
    );
  });

  it('only secondary materials of the guide may be deferred', () => {
    const guide = sampleItemGuide(DEPT, { deferral: { isAllowed: true, materialKeys: ['application', 'nope'], supplementDays: 2 } });
    expect(checkItemGuide(guide)).toEqual([
      { field: 'deferral.materialKeys.0', message: '“申请书”是核心材料，核心材料须齐全，不能容缺后补' },
      { field: 'deferral.materialKeys.1', message: '容缺材料“nope”不在本事项的材料清单中' },
    ]);
  });

  it('即办件 are decided on the spot, 承诺件 take at least a day, and the promise stays within the legal limit', () => {
    expect(fields(sampleItemGuide(DEPT, { processingKind: 'instant', promisedLimitDays: 2 }))).toEqual(['promisedLimitDays']);
    expect(fields(sampleItemGuide(DEPT, { processingKind: 'committed', promisedLimitDays: 0 }))).toEqual(['promisedLimitDays']);
    expect(fields(sampleItemGuide(DEPT, { legalLimitDays: 5, promisedLimitDays: 6 }))).toEqual(['promisedLimitDays']);
  });

  it('commitment needs the certificates it replaces and its text; joint review needs a group and a lead', () => {
    expect(fields(sampleItemGuide(DEPT, { commitment: { isAllowed: true, certificates: [], text: '' } }))).toEqual([
      'commitment.certificates',
      'commitment.text',
    ]);
    expect(fields(sampleItemGuide(DEPT, { jointReview: { group: '联审组', leadDepartmentId: null } }))).toEqual(['jointReview.leadDepartmentId']);
    expect(fields(sampleItemGuide(DEPT, { appointment: { mode: 'appointment_only', walkInDailyQuota: 10 } }))).toEqual(['appointment.walkInDailyQuota']);
  });

  it('situations refer to the guide’s own materials and never add and remove the same one', () => {
    const guide = sampleItemGuide(DEPT, {
      situations: [
        {
          key: 'q',
          text: '问题？',
          options: [
            { key: 'a', label: '甲', addsMaterials: ['floor_plan'], removesMaterials: ['floor_plan'], addsConditions: [] },
            { key: 'b', label: '乙', addsMaterials: ['ghost'], removesMaterials: [], addsConditions: [] },
          ],
        },
      ],
    });
    expect(fields(guide)).toEqual(['situations.0.options.0.removesMaterials', 'situations.0.options.1.addsMaterials.0']);
  });

  it('normalising clears what a switched-off flag makes meaningless', () => {
    const guide = normalizeItemGuide(
      sampleItemGuide(DEPT, {
        deferral: { isAllowed: false, materialKeys: ['floor_plan'], supplementDays: 99 },
        commitment: { isAllowed: false, certificates: ['x'], text: 'y' },
      }),
    );
    expect(guide.deferral).toEqual({ isAllowed: false, materialKeys: [], supplementDays: null });
    expect(guide.commitment).toEqual({ isAllowed: false, certificates: [], text: '' });
    expect(checkItemGuide(guide)).toEqual([]);
  });
});
