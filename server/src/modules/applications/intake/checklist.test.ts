import { describe, expect, it } from 'vitest';
import { itemGuideOf } from '../../catalog/demo/build.ts';
import { PERMIT_ITEMS } from '../../catalog/demo/items-permits.ts';
import { answerProblems, isCommitmentLetter, isReplacedBy, itemChecklist, requirementOf } from './checklist.ts';

const food = itemGuideOf(PERMIT_ITEMS.find((i) => i.code === 'NH-SCJG-006')!, new Map([['市场监督管理局', '00000000-0000-4000-8000-000000000001']]), new Map());

describe('the material checklist', () => {
  it('follows the situation answers and leaves out what only an agent or the commitment route needs', () => {
    const ordinary = itemChecklist(food, 'NH-SCJG-006', { prepackaged_only: 'no', online_sales: 'no' }, { isCommitment: false, hasAgent: false });
    expect(ordinary.map((m) => m.key)).toEqual(['application', 'business_license', 'legal_rep_id', 'layout', 'equipment_list', 'safety_staff', 'rules']);
    expect(ordinary.every((m) => m.status === 'missing')).toBe(true);
    expect(ordinary.filter((m) => m.isDeferrable).map((m) => m.key)).toEqual(['equipment_list', 'rules']);

    const online = itemChecklist(food, 'NH-SCJG-006', { prepackaged_only: 'yes', online_sales: 'yes' }, { isCommitment: false, hasAgent: true });
    expect(online.map((m) => m.key)).toEqual(['application', 'business_license', 'legal_rep_id', 'safety_staff', 'rules', 'online_platform', 'agent_authorization']);

    const committed = itemChecklist(food, 'NH-SCJG-006', { prepackaged_only: 'no', online_sales: 'no' }, { isCommitment: true, hasAgent: false });
    expect(committed.find((m) => m.key === 'commitment_letter')).toMatchObject({ status: 'committed', isReplaceableByCommitment: true });
  });

  it('names every unanswered or wrongly answered question', () => {
    expect(answerProblems(food.situations, { prepackaged_only: 'maybe', colour: 'red' })).toEqual([
      { field: 'answers.prepackaged_only', message: '“是否仅销售预包装食品？”没有选项“maybe”' },
      { field: 'answers.online_sales', message: '请回答：是否通过网络经营？' },
      { field: 'answers.colour', message: '本事项没有情形问题“colour”' },
    ]);
    expect(answerProblems(food.situations, { prepackaged_only: 'no', online_sales: 'no' })).toEqual([]);
  });

  it('matches the certificates a commitment replaces by name, loosely', () => {
    expect(isReplacedBy(['排水水质检测报告'], '排水水质检测报告')).toBe(true);
    expect(isReplacedBy(['车辆技术状况证明（承诺后 30 日内补交）'], '车辆技术状况证明')).toBe(true);
    expect(isReplacedBy(['经营场所证明'], '营业执照')).toBe(false);
    expect(isCommitmentLetter({ key: 'x', name: '告知承诺书' })).toBe(true);
    expect(requirementOf({ form: 'copy', copies: 2, medium: 'paper', notes: '加盖公章' })).toBe('复印件 2 份，纸质；加盖公章');
  });
});
