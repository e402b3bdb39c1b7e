import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { checkReplies, percent, summarizeResults } from './answers.ts';
import type { QuestionDto } from './contract.ts';

const Q: QuestionDto[] = [
  { id: 'q1', position: 1, kind: 'single', prompt: '您办理的是哪类业务？', isRequired: true, options: ['企业开办', '工程建设', '涉税'] },
  { id: 'q2', position: 2, kind: 'multiple', prompt: '您通过哪些渠道了解政策？', isRequired: false, options: ['门户', '短信', '窗口', '宣讲会'] },
  { id: 'q3', position: 3, kind: 'scale', prompt: '总体满意度', isRequired: true, options: [] },
  { id: 'q4', position: 4, kind: 'text', prompt: '意见和建议', isRequired: false, options: [] },
];

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('checkReplies', () => {
  it('keeps what fits each kind, sorts multiple choices and drops blank optional answers', () => {
    const answers = checkReplies(Q, [
      { questionId: 'q1', value: 2 },
      { questionId: 'q2', value: [3, 0] },
      { questionId: 'q3', value: 4 },
      { questionId: 'q4', value: '   ' },
    ]);
    expect(answers).toEqual({ q1: 2, q2: [0, 3], q3: 4 });
  });

  it('names every question at fault, the first in the message: a required one missing, an option out of range, a score of 6', () => {
    const error = refusal(() => checkReplies(Q, [{ questionId: 'q2', value: [1, 1] }, { questionId: 'q3', value: 6 }]));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields!.map((f) => f.field)).toEqual(['replies.q1', 'replies.q2', 'replies.q3']);
    expect(error.userMessage).toBe('第 1 题“您办理的是哪类业务？”为必答题，请作答');
    expect(error.fields![2]!.message).toContain('1 至 5 分');
  });

  it('refuses a question that is not in the survey and a question answered twice', () => {
    const error = refusal(() => checkReplies(Q, [{ questionId: 'q1', value: 0 }, { questionId: 'q1', value: 1 }, { questionId: 'qx', value: 'x' }, { questionId: 'q3', value: 3 }]));
    expect(error.fields!.map((f) => f.field).sort()).toEqual(['replies.q1', 'replies.qx']);
  });

  it('refuses a value of the wrong type for the kind', () => {
    expect(refusal(() => checkReplies(Q, [{ questionId: 'q1', value: '企业开办' }, { questionId: 'q3', value: 3 }])).fields![0]!.field).toBe('replies.q1');
    expect(refusal(() => checkReplies(Q, [{ questionId: 'q1', value: 0 }, { questionId: 'q3', value: [3] }])).fields![0]!.field).toBe('replies.q3');
    expect(refusal(() => checkReplies(Q, [{ questionId: 'q1', value: 0 }, { questionId: 'q3', value: 3 }, { questionId: 'q4', value: 5 }])).fields![0]!.field).toBe('replies.q4');
  });
});

describe('summarizeResults', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 0, 5, 1, n));

  it('adds up a small example by hand', () => {
    const responses = [
      { answers: { q1: 0, q2: [0, 1], q3: 5, q4: '窗口人员耐心' }, submittedAt: at(3) },
      { answers: { q1: 0, q2: [1], q3: 4 }, submittedAt: at(1) },
      { answers: { q1: 2, q3: 2, q4: '希望延长午间服务' }, submittedAt: at(2) },
    ];
    const r = summarizeResults(Q, responses, 8);
    expect(r).toMatchObject({ sent: 8, answered: 3, responseRate: 37.5 });
    expect(r.questions[0]!.choices).toEqual([
      { option: '企业开办', count: 2, share: 66.7 },
      { option: '工程建设', count: 0, share: 0 },
      { option: '涉税', count: 1, share: 33.3 },
    ]);
    expect(r.questions[1]).toMatchObject({ answered: 2, choices: [{ count: 1, share: 50 }, { count: 2, share: 100 }, { count: 0 }, { count: 0 }] });
    expect(r.questions[2]!.scale).toEqual({
      mean: 3.67,
      distribution: [
        { score: 1, count: 0, share: 0 },
        { score: 2, count: 1, share: 33.3 },
        { score: 3, count: 0, share: 0 },
        { score: 4, count: 1, share: 33.3 },
        { score: 5, count: 1, share: 33.3 },
      ],
    });
    expect(r.questions[3]!.texts!.map((t) => t.text)).toEqual(['希望延长午间服务', '窗口人员耐心']);
  });

  it('has no rate before anything is sent and no mean before anyone scored', () => {
    const r = summarizeResults(Q, [], 0);
    expect(r.responseRate).toBeNull();
    expect(r.questions[2]!.scale!.mean).toBeNull();
  });

  it('counts every valid answer once: single-choice counts add up to those who answered, the mean lies within the scores', () => {
    const response = fc.record({
      q1: fc.integer({ min: 0, max: 2 }),
      q2: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
      q3: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (rs, extra) => {
        const r = summarizeResults(Q, rs.map((answers, i) => ({ answers, submittedAt: at(i) })), rs.length + extra);
        const single = r.questions[0]!;
        expect(single.choices!.reduce((s, c) => s + c.count, 0)).toBe(rs.length);
        const multiple = r.questions[1]!;
        expect(multiple.answered).toBe(rs.filter((x) => x.q2.length > 0).length);
        expect(multiple.choices!.reduce((s, c) => s + c.count, 0)).toBe(rs.reduce((s, x) => s + x.q2.length, 0));
        const scale = r.questions[2]!.scale!;
        expect(scale.distribution.reduce((s, d) => s + d.count, 0)).toBe(rs.length);
        if (rs.length > 0) {
          expect(scale.mean).toBeGreaterThanOrEqual(Math.min(...rs.map((x) => x.q3)));
          expect(scale.mean).toBeLessThanOrEqual(Math.max(...rs.map((x) => x.q3)));
        }
        expect(r.responseRate).toBe(percent(rs.length, rs.length + extra));
      }),
    );
  });

  it('ignores stored answers that no longer fit (garbage never breaks the page)', () => {
    const r = summarizeResults(Q, [{ answers: { q1: 7, q3: 'x' }, submittedAt: at(0) }, { answers: null, submittedAt: at(1) }], 2);
    expect(r.answered).toBe(2);
    expect(r.questions[0]!.answered).toBe(0);
    expect(r.questions[2]!.answered).toBe(0);
  });
});
