import { z } from 'zod';
import { isoDate, uscc, version } from '../../../platform/http/schemas.ts';
import { SIZE_CLASSES } from '../../enterprises/contract.ts';
import { text } from '../cases/contract.ts';
import { SURVEY_ACTIONS, SURVEY_STATES } from './workflow.ts';

/** 企业满意度调查 (9.1.1): questionnaires, their sending to enterprises, the public answer page, the results. */

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple'];

/** the most enterprises one sending may reach (each gets its own link and SMS in one transaction) */
export const MAX_RECIPIENTS_PER_SENDING = 2000;

const questionInput = z
  .strictObject({
    kind: z.enum(QUESTION_KINDS, { error: '请选择题型（单选、多选、1–5 分评分或文字）' }),
    prompt: text('题目', 500),
    isRequired: z.boolean().default(true),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(200, '选项不能超过 200 字'))
      .max(20, '选项不能超过 20 个')
      .default([]),
  })
  .superRefine((q, ctx) => {
    const isChoice = CHOICE_KINDS.includes(q.kind);
    if (isChoice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: '选择题至少需要 2 个选项' });
    if (isChoice && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
    if (!isChoice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: '评分题和文字题没有选项' });
  });
export type QuestionInput = z.output<typeof questionInput>;

const surveyFields = {
  title: text('问卷标题', 200),
  intro: z.string().trim().max(2000, '问卷说明不能超过 2000 字').default(''),
  /** the last day answers are taken; needed to publish */
  closesOn: isoDate.nullable().default(null),
  questions: z.array(questionInput).min(1, '问卷至少需要 1 道题').max(50, '问卷不能超过 50 道题'),
};
export const surveyInput = z.strictObject(surveyFields);
export type SurveyInput = z.output<typeof surveyInput>;
export const surveyUpdate = z.strictObject({ ...surveyFields, version });
export const versionBody = z.strictObject({ version });
export const surveyListQuery = z.strictObject({ state: z.enum(SURVEY_STATES, { error: '问卷状态为 draft、open 或 closed' }).optional() });

/** Whom to send to: credit codes, or a filter over the enterprise registry (at least one criterion). */
export const sendingInput = z
  .strictObject({
    usccs: z.array(uscc).min(1, '请填写至少一个统一社会信用代码').max(MAX_RECIPIENTS_PER_SENDING, `一次最多发送 ${MAX_RECIPIENTS_PER_SENDING} 家企业`).optional(),
    filter: z
      .strictObject({
        industry: z.string().trim().min(1).max(10).optional(),
        sizeClass: z.enum(SIZE_CLASSES, { error: '企业规模为 large、medium、small 或 micro' }).optional(),
        town: z.string().trim().min(1).max(50).optional(),
      })
      .refine((f) => f.industry !== undefined || f.sizeClass !== undefined || f.town !== undefined, '请至少选择一个筛选条件（行业、规模或镇街）')
      .optional(),
  })
  .refine((b) => (b.usccs === undefined) !== (b.filter === undefined), { path: ['usccs'], message: '请填写统一社会信用代码或筛选条件（二选一）' });
export type SendingInput = z.output<typeof sendingInput>;

export const questionDto = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  isRequired: z.boolean(),
  options: z.array(z.string()),
});
export type QuestionDto = z.infer<typeof questionDto>;

export const surveySummary = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(SURVEY_STATES),
  closesOn: z.string().nullable(),
  /** the last day has passed: the links no longer take answers */
  isPastDeadline: z.boolean(),
  questionCount: z.number(),
  sent: z.number(),
  answered: z.number(),
  /** answered / sent, in per cent with one decimal; null before anything is sent */
  responseRate: z.number().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type SurveySummary = z.infer<typeof surveySummary>;

export const surveyDetail = surveySummary.extend({
  intro: z.string(),
  questions: z.array(questionDto),
  actions: z.array(z.enum(SURVEY_ACTIONS)),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const sendingResult = z.object({
  /** enterprises sent a link now */
  invited: z.number(),
  /** already sent a link by an earlier sending: not sent again */
  alreadyInvited: z.number(),
  /** no contact phone on record: no link sent */
  unreachable: z.array(z.object({ uscc: z.string(), name: z.string() })),
});
export type SendingResult = z.infer<typeof sendingResult>;

export const recipientDto = z.object({
  id: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  invitedAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
});

const share = z.number().describe('per cent of those who answered the question, one decimal');
export const questionResult = questionDto.extend({
  /** responses that answered this question */
  answered: z.number(),
  /** single and multiple choice: each option's count and share (multiple choice shares may add up to more than 100) */
  choices: z.array(z.object({ option: z.string(), count: z.number(), share })).nullable(),
  /** 1–5 scale: the mean (two decimals) and the count of each score */
  scale: z.object({ mean: z.number().nullable(), distribution: z.array(z.object({ score: z.number(), count: z.number(), share })) }).nullable(),
  /** free text: every non-empty answer, oldest first */
  texts: z.array(z.object({ text: z.string(), submittedAt: z.string() })).nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const surveyResults = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(SURVEY_STATES),
  sent: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable(),
  questions: z.array(questionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

// ——— the public answer page ———

export const tokenParam = z.strictObject({ token: z.string().min(1).max(200) });

export const publicSurvey = z.object({
  title: z.string(),
  intro: z.string(),
  centerName: z.string(),
  enterpriseName: z.string(),
  closesOn: z.string().nullable(),
  questions: z.array(questionDto),
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

/** An answer: an option's position (single), positions (multiple), 1–5 (scale) or text; checked against the question by the service. */
export const replyValue = z.union([z.number().int('请填写整数'), z.array(z.number().int('请填写整数')).max(20, '选项不能超过 20 个'), z.string().max(2000, '回答不能超过 2000 字')]);
export type ReplyValue = z.infer<typeof replyValue>;
export const answerInput = z.strictObject({
  replies: z.array(z.strictObject({ questionId: z.uuid('问题编号格式不正确'), value: replyValue })).max(50, '回答不能超过 50 道题'),
});
export type AnswerInput = z.output<typeof answerInput>;
export const answerResult = z.object({ submittedAt: z.string() });
