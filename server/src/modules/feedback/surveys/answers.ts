import { AppError, type FieldError } from '../../../platform/errors.ts';
import type { QuestionDto, QuestionResult, ReplyValue } from './contract.ts';

/**
 * The rules of answers, pure: what a reply to each kind of question may be, and how the answers
 * add up to results (counts and shares of options, mean and distribution of a scale, the texts).
 */

/** What is stored of one enterprise's answers: question id → option position(s), score or text. */
export type StoredAnswers = Record<string, number | number[] | string>;

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * Checks the replies against the questions; answers the stored form, or throws VALIDATION_FAILED
 * naming every question at fault (field `replies.<questionId>`), the first in the message.
 */
export function checkReplies(questions: readonly QuestionDto[], replies: readonly { questionId: string; value: ReplyValue }[]): StoredAnswers {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: FieldError[] = [];
  const problem = (questionId: string, message: string) => problems.push({ field: `replies.${questionId}`, message });
  const answers: StoredAnswers = {};
  for (const reply of replies) {
    const question = byId.get(reply.questionId);
    if (!question) {
      problem(reply.questionId, '问卷中没有这道题，请刷新页面后重新填写');
      continue;
    }
    if (reply.questionId in answers) {
      problem(reply.questionId, `${label(question)}只能回答一次`);
      continue;
    }
    const value = normalized(question, reply.value);
    if (value === 'invalid') problem(question.id, `${label(question)}：${INVALID[question.kind](question)}`);
    else if (value !== undefined) answers[question.id] = value;
  }
  const answeredOrFaulty = new Set([...Object.keys(answers), ...problems.map((p) => p.field.slice('replies.'.length))]);
  for (const q of questions) if (q.isRequired && !answeredOrFaulty.has(q.id)) problem(q.id, `${label(q)}为必答题，请作答`);
  if (problems.length > 0) {
    const order = new Map(questions.map((q) => [`replies.${q.id}`, q.position]));
    problems.sort((a, b) => (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1));
    throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
  }
  return answers;
}

/** Per question: counts and shares of options, mean and distribution of scores, the texts; the response rate. */
export function summarizeResults(
  questions: readonly QuestionDto[],
  responses: readonly { answers: unknown; submittedAt: Date }[],
  sent: number,
): { sent: number; answered: number; responseRate: number | null; questions: QuestionResult[] } {
  const stored = responses.map((r) => ({ answers: (isRecord(r.answers) ? r.answers : {}) as Record<string, unknown>, submittedAt: r.submittedAt }));
  return {
    sent,
    answered: responses.length,
    responseRate: percent(responses.length, sent),
    questions: questions.map((q) => {
      const values = stored.flatMap((r) => {
        const v = r.answers[q.id];
        const n = v === undefined ? undefined : normalized(q, v as ReplyValue);
        return n === undefined || n === 'invalid' ? [] : [{ value: n, submittedAt: r.submittedAt }];
      });
      const answered = values.length;
      const base = { ...q, answered, choices: null, scale: null, texts: null };
      switch (q.kind) {
        case 'single':
        case 'multiple': {
          const counts = q.options.map(() => 0);
          for (const { value } of values) for (const i of typeof value === 'number' ? [value] : (value as number[])) counts[i]! += 1;
          return { ...base, choices: q.options.map((option, i) => ({ option, count: counts[i]!, share: percent(counts[i]!, answered) ?? 0 })) };
        }
        case 'scale': {
          const scores = values.map((v) => v.value as number);
          const mean = answered === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / answered) * 100) / 100;
          const distribution = SCORES.map((score) => {
            const count = scores.filter((s) => s === score).length;
            return { score, count, share: percent(count, answered) ?? 0 };
          });
          return { ...base, scale: { mean, distribution } };
        }
        case 'text':
          return { ...base, texts: [...values].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()).map((v) => ({ text: v.value as string, submittedAt: v.submittedAt.toISOString() })) };
        default:
          return assertNever(q.kind);
      }
    }),
  };
}

/** part / whole in per cent with one decimal; null when the whole is 0 */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

const INVALID: Record<QuestionDto['kind'], (q: QuestionDto) => string> = {
  single: (q) => `请从 ${q.options.length} 个选项中选择一个`,
  multiple: (q) => `请从 ${q.options.length} 个选项中选择，不能重复`,
  scale: () => '请选择 1 至 5 分',
  text: () => '请填写文字',
};

/** The stored form of a reply; undefined when left blank, 'invalid' when it does not fit the question. */
function normalized(q: QuestionDto, value: ReplyValue): number | number[] | string | undefined | 'invalid' {
  const isOption = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < q.options.length;
  switch (q.kind) {
    case 'single':
      return isOption(value) ? value : 'invalid';
    case 'multiple': {
      if (!Array.isArray(value) || !value.every(isOption) || new Set(value).size !== value.length) return 'invalid';
      return value.length === 0 ? undefined : [...value].sort((a, b) => a - b);
    }
    case 'scale':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? (value as number) : 'invalid';
    case 'text': {
      if (typeof value !== 'string') return 'invalid';
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }
    default:
      return assertNever(q.kind);
  }
}

function label(q: QuestionDto): string {
  const prompt = q.prompt.length > 20 ? `${q.prompt.slice(0, 20)}…` : q.prompt;
  return `第 ${q.position} 题“${prompt}”`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function assertNever(x: never): never {
  throw new Error(`unexpected question kind ${String(x)}`);
}
