import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Material } from '../contract.ts';
import { sampleItemGuide } from '../testing.ts';
import { applyBundleSituations, applyItemSituations, mergeMaterials, parseAnswers, type AppliedMaterial } from './notice.ts';

const DEPT = '11111111-1111-4111-8111-111111111111';
const ITEM = { code: 'I-1', name: '测试事项' };
const material = (key: string, name: string, o: Partial<Material> = {}): Material => ({
  key,
  name,
  importance: 'core',
  form: 'original',
  copies: 1,
  medium: 'either',
  licenseType: null,
  templateFileId: null,
  sampleFileId: null,
  notes: '',
  ...o,
});

const guide = sampleItemGuide(DEPT, {
  materials: [material('form', '申请书'), material('lease', '租赁合同'), material('deed', '产权证明'), material('plan', '平面图', { importance: 'secondary' })],
  situations: [
    {
      key: 'owned',
      text: '场所是否自有？',
      options: [
        { key: 'yes', label: '自有', addsMaterials: ['deed'], removesMaterials: [], addsConditions: [] },
        { key: 'no', label: '租赁', addsMaterials: ['lease'], removesMaterials: [], addsConditions: ['租期不少于一年'] },
      ],
    },
    {
      key: 'small',
      text: '面积是否小于 50 平方米？',
      options: [
        { key: 'yes', label: '是', addsMaterials: [], removesMaterials: ['plan'], addsConditions: [] },
        { key: 'no', label: '否', addsMaterials: [], removesMaterials: [], addsConditions: [] },
      ],
    },
  ],
});
const names = (list: { name: string }[]) => list.map((m) => m.name);

describe('situations', () => {
  it('unanswered, the notice keeps everything that may be needed, each with the answer it depends on', () => {
    const { materials, conditions } = applyItemSituations(guide, ITEM, new Map());
    expect(materials.map((m) => [m.name, m.onlyIf, m.exemptIf])).toEqual([
      ['申请书', [], []],
      ['租赁合同', ['场所是否自有：租赁'], []],
      ['产权证明', ['场所是否自有：自有'], []],
      ['平面图', [], ['面积是否小于 50 平方米：是']],
    ]);
    expect(conditions.find((c) => c.text === '租期不少于一年')?.onlyIf).toEqual(['场所是否自有：租赁']);
  });

  it('answered, only what applies remains, unconditionally', () => {
    const { materials, conditions } = applyItemSituations(guide, ITEM, parseAnswers('owned:no,small:yes'));
    expect(names(materials)).toEqual(['申请书', '租赁合同']);
    expect(materials.every((m) => m.onlyIf.length === 0 && m.exemptIf.length === 0)).toBe(true);
    expect(conditions.find((c) => c.text === '租期不少于一年')?.onlyIf).toEqual([]);
    expect(names(applyItemSituations(guide, ITEM, parseAnswers('owned:yes,small:no')).materials)).toEqual(['申请书', '产权证明', '平面图']);
  });

  it('a bundle answer skips members, or marks those it could skip', () => {
    const questions = [{ key: 'sign', text: '是否设置招牌？', options: [{ key: 'yes', label: '是', skipsMembers: [], addsConditions: [] }, { key: 'no', label: '否', skipsMembers: ['AD'], addsConditions: [] }] }];
    expect(applyBundleSituations(questions, new Map()).skipIf.get('AD')).toEqual(['是否设置招牌：否']);
    expect(applyBundleSituations(questions, parseAnswers('sign:no')).skipped.get('AD')).toBe('是否设置招牌：否');
    expect(applyBundleSituations(questions, parseAnswers('sign:yes')).skipped.size).toBe(0);
  });
});

describe('merging materials across items', () => {
  const applied = (m: Material, code: string, o: Partial<AppliedMaterial> = {}): AppliedMaterial => ({ ...m, onlyIf: [], exemptIf: [], isDeferrable: false, usedBy: [{ code, name: code }], ...o });

  it('a document several items need appears once: core if any says core, the most copies, all its users', () => {
    const licence = material('lic', '营业执照', { licenseType: 'business_license', form: 'copy', importance: 'secondary' });
    const merged = mergeMaterials([
      applied(licence, 'A'),
      applied({ ...licence, importance: 'core', copies: 2 }, 'B'),
      applied(material('id', '法定代表人身份证件', { licenseType: 'id_card' }), 'A'),
      applied(material('id2', '经办人身份证件', { licenseType: 'id_card' }), 'B'),
    ]);
    expect(merged.map((m) => [m.name, m.importance, m.copies, m.usedBy.map((u) => u.code)])).toEqual([
      ['营业执照', 'core', 2, ['A', 'B']],
      ['法定代表人身份证件', 'core', 1, ['A']],
      ['经办人身份证件', 'core', 1, ['B']],
    ]);
  });

  it('needed unconditionally if any item needs it so; deferrable only if every item allows it', () => {
    const m = material('x', '平面图');
    const [merged] = mergeMaterials([applied(m, 'A', { onlyIf: ['问：是'], isDeferrable: true }), applied(m, 'B', { isDeferrable: false })]);
    expect(merged).toMatchObject({ onlyIf: [], isDeferrable: false });
  });

  it('never loses a material or a user, and never lists one twice', () => {
    const arb = fc.array(
      fc.record({ name: fc.constantFrom('营业执照', '申请书', '章程', ' 申请 书 '), code: fc.constantFrom('A', 'B', 'C'), copies: fc.integer({ min: 1, max: 3 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (parts) => {
        const merged = mergeMaterials(parts.map((p) => applied(material('k', p.name, { copies: p.copies }), p.code)));
        expect(merged.length).toBeLessThanOrEqual(parts.length);
        expect(new Set(merged.map((m) => m.name.replace(/\s/g, ''))).size).toBe(merged.length);
        for (const p of parts) {
          const m = merged.find((x) => x.name.replace(/\s/g, '') === p.name.replace(/\s/g, ''))!;
          expect(m.usedBy.map((u) => u.code)).toContain(p.code);
          expect(m.copies).toBeGreaterThanOrEqual(p.copies);
        }
      }),
    );
  });
});
