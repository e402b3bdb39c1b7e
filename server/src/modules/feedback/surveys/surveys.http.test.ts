import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { entityCheckCharacter, usccCheckCharacter } from '../../../lib/uscc.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import { DEMO_ENTERPRISES } from '../../../demo/data.ts';
import { newLinkToken } from '../../../platform/links/signed-token.ts';
import { notificationMessages } from '../../../platform/notifications/tables.ts';
import { surveyRecipients } from '../tables.ts';
import type { PublicSurvey, SendingResult, SurveyDetail, SurveyResults, SurveySummary } from './contract.ts';

/**
 * Satisfaction surveys through HTTP: a questionnaire from draft to open to closed; sending to
 * enterprises by credit code and by a filter over the registry, each with its own signed link by
 * SMS; the public page answering once (a second answer 409, a forged link 400, an expired one
 * 410, a required question missing 400 with nothing stored); the results' arithmetic.
 */

let t: TestApp;
let api: TestApi;
let manager: string;
let auditor: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [manager, auditor, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('auditor'), t.loginAs('clerk')]);
});
afterAll(async () => {
  await t.close();
});

const QUESTIONS = [
  { kind: 'single', prompt: '您本次办理的业务类型', isRequired: true, options: ['企业开办', '工程建设', '涉税'] },
  { kind: 'multiple', prompt: '您通过哪些渠道了解惠企政策', isRequired: false, options: ['门户网站', '短信', '窗口', '宣讲会'] },
  { kind: 'scale', prompt: '对中心服务的总体满意度', isRequired: true },
  { kind: 'text', prompt: '您的意见和建议', isRequired: false },
];
const inAWeek = () => addDays(businessToday(), 7);

/** A registrable code (valid check characters) that no demo enterprise has. */
function unregisteredUscc(): string {
  const body = '7Q3K9M2D';
  const first17 = `91440605${body}${entityCheckCharacter(body)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

async function openSurvey(title: string): Promise<SurveyDetail> {
  const draft = await api.ok<SurveyDetail>('POST', '/api/surveys', manager, { title, intro: '感谢您抽出时间填写。', closesOn: inAWeek(), questions: QUESTIONS });
  return api.ok<SurveyDetail>('POST', `/api/surveys/${draft.id}/open`, manager, { version: draft.version });
}

/** The links of a survey, as the SMS carried them (only their hashes are stored). */
async function linksOf(surveyId: string): Promise<Map<string, string>> {
  const recipients = await t.db.select({ id: surveyRecipients.id, uscc: surveyRecipients.uscc }).from(surveyRecipients).where(eq(surveyRecipients.surveyId, surveyId));
  const messages = await t.db
    .select({ relatedId: notificationMessages.relatedId, body: notificationMessages.body })
    .from(notificationMessages)
    .where(and(eq(notificationMessages.relatedType, 'survey_recipient'), inArray(notificationMessages.relatedId, recipients.map((r) => r.id))));
  const byRecipient = new Map(messages.map((m) => [m.relatedId, /\/portal\/surveys\/([A-Za-z0-9_.-]+)/.exec(m.body)![1]!]));
  return new Map(recipients.map((r) => [r.uscc, byRecipient.get(r.id)!]));
}

const answer = (token: string, replies: object[]) => api.call('POST', `/api/public/surveys/${token}/answers`, undefined, { replies });

describe('a survey from draft to closed', () => {
  it('is written and changed as a draft, frozen once open, and only managers may write it', async () => {
    expect((await api.call('POST', '/api/surveys', clerk, { title: 'x', questions: QUESTIONS })).statusCode).toBe(403);
    expect((await api.call('POST', '/api/surveys', auditor, { title: 'x', questions: QUESTIONS })).statusCode).toBe(403);
    const draft = await api.ok<SurveyDetail>('POST', '/api/surveys', manager, { title: '2026 年第一季度企业满意度调查', questions: QUESTIONS });
    expect(draft).toMatchObject({ state: 'draft', closesOn: null, questionCount: 4, sent: 0, responseRate: null, actions: ['edit', 'open'] });
    expect(draft.questions.map((q) => [q.position, q.kind, q.options.length])).toEqual([[1, 'single', 3], [2, 'multiple', 4], [3, 'scale', 0], [4, 'text', 0]]);

    // publishing needs a closing date; a draft cannot be sent
    const noDate = await api.call('POST', `/api/surveys/${draft.id}/open`, manager, { version: draft.version });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fields).toEqual([expect.objectContaining({ field: 'closesOn' })]);
    const early = await api.call('POST', `/api/surveys/${draft.id}/sendings`, manager, { usccs: [DEMO_ENTERPRISES[0]!.uscc] });
    expect(early.json().code).toBe('INVALID_STATE');

    const edited = await api.ok<SurveyDetail>('PUT', `/api/surveys/${draft.id}`, manager, { version: draft.version, title: '2026 年第一季度满意度调查', closesOn: inAWeek(), questions: QUESTIONS.slice(0, 3) });
    expect(edited).toMatchObject({ questionCount: 3, closesOn: inAWeek() });
    const stale = await api.call('PUT', `/api/surveys/${draft.id}`, manager, { version: draft.version, title: '旧版本', questions: QUESTIONS });
    expect(stale.json().code).toBe('STALE_VERSION');

    const open = await api.ok<SurveyDetail>('POST', `/api/surveys/${draft.id}/open`, manager, { version: edited.version });
    expect(open).toMatchObject({ state: 'open', actions: ['send', 'close'] });
    const frozen = await api.call('PUT', `/api/surveys/${draft.id}`, manager, { version: open.version, title: '改题', questions: QUESTIONS });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('INVALID_STATE');

    // an auditor reads; another center's staff would not find it (404 is tested by the id of nothing)
    expect((await api.ok<SurveySummary[]>('GET', '/api/surveys', auditor)).map((s) => s.id)).toContain(draft.id);
    expect((await api.call('GET', '/api/surveys/00000000-0000-4000-8000-000000000000', manager)).statusCode).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, in Chinese, and creates nothing', async () => {
    const before = (await api.ok<SurveySummary[]>('GET', '/api/surveys', manager)).length;
    const cases: [object, string][] = [
      [{ questions: QUESTIONS }, 'title'],
      [{ title: '问卷', questions: [] }, 'questions'],
      [{ title: '问卷', questions: [{ kind: 'single', prompt: '只有一个选项', options: ['是'] }] }, 'questions.0.options'],
      [{ title: '问卷', questions: [{ kind: 'multiple', prompt: '重复选项', options: ['是', '是'] }] }, 'questions.0.options'],
      [{ title: '问卷', questions: [{ kind: 'scale', prompt: '评分题带选项', options: ['1'] }] }, 'questions.0.options'],
      [{ title: '问卷', questions: [{ kind: 'ranking', prompt: '未知题型' }] }, 'questions.0.kind'],
      [{ title: '问卷', questions: [{ kind: 'text', prompt: '' }] }, 'questions.0.prompt'],
      [{ title: '问卷', closesOn: '2026-02-30', questions: QUESTIONS }, 'closesOn'],
    ];
    for (const [body, field] of cases) {
      const res = await api.call('POST', '/api/surveys', manager, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api.ok<SurveySummary[]>('GET', '/api/surveys', manager)).length).toBe(before);
  });
});

describe('sending and answering', () => {
  it('sends each enterprise its own link once; the link shows the survey without login and takes one answer', async () => {
    const survey = await openSurvey('窗口服务满意度调查');
    const [first, second] = DEMO_ENTERPRISES.map((e) => e.uscc) as [string, string];

    // who: an unregistered code refuses the whole sending; a malformed one is a 400; not both ways at once
    const unknown = await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [first, unregisteredUscc()] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'ENTERPRISE_NOT_REGISTERED', fields: [{ field: 'usccs.1' }] });
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: ['9144060512345678'] })).json().fields[0].field).toBe('usccs.0');
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [first], filter: { town: '桂城街道' } })).statusCode).toBe(400);
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { filter: {} })).json().fields[0].field).toBe('filter');
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, clerk, { usccs: [first] })).statusCode).toBe(403);
    expect(await api.ok<unknown[]>('GET', `/api/surveys/${survey.id}/recipients`, manager)).toEqual([]);

    const sent = await api.ok<SendingResult>('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [first, second, first] });
    expect(sent).toEqual({ invited: 2, alreadyInvited: 0, unreachable: [] });
    const again = await api.ok<SendingResult>('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [second] });
    expect(again).toEqual({ invited: 0, alreadyInvited: 1, unreachable: [] });

    const links = await linksOf(survey.id);
    expect(links.size).toBe(2);
    const link = links.get(first)!;
    const shown = await api.ok<PublicSurvey>('GET', `/api/public/surveys/${link}`);
    expect(shown).toMatchObject({ title: '窗口服务满意度调查', enterpriseName: DEMO_ENTERPRISES[0]!.name, closesOn: inAWeek() });
    const [q1, q2, q3, q4] = shown.questions.map((q) => q.id);

    // a required question left out: 400 naming it, and the link is still unused
    const missing = await answer(link, [{ questionId: q1, value: 0 }, { questionId: q4, value: '很好' }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: `replies.${q3}` }] });
    expect(missing.json().message).toContain('第 3 题');
    const outOfRange = await answer(link, [{ questionId: q1, value: 3 }, { questionId: q3, value: 4 }]);
    expect(outOfRange.json().fields).toEqual([expect.objectContaining({ field: `replies.${q1}` })]);
    expect((await api.call('GET', `/api/public/surveys/${link}`)).statusCode).toBe(200);

    const ok = await answer(link, [{ questionId: q1, value: 0 }, { questionId: q2, value: [2, 0] }, { questionId: q3, value: 5 }, { questionId: q4, value: '  窗口人员很耐心  ' }]);
    expect(ok.statusCode).toBe(201);
    const twice = await answer(link, [{ questionId: q1, value: 1 }, { questionId: q3, value: 1 }]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SURVEY_ALREADY_ANSWERED');
    expect((await api.call('GET', `/api/public/surveys/${link}`)).json().code).toBe('SURVEY_ALREADY_ANSWERED');

    const recipients = await api.ok<{ uscc: string; answeredAt: string | null }[]>('GET', `/api/surveys/${survey.id}/recipients`, auditor);
    expect(recipients.find((r) => r.uscc === first)!.answeredAt).not.toBeNull();
    expect(recipients.find((r) => r.uscc === second)!.answeredAt).toBeNull();
    const results = await api.ok<SurveyResults>('GET', `/api/surveys/${survey.id}/results`, manager);
    expect(results).toMatchObject({ sent: 2, answered: 1, responseRate: 50 });
    expect(results.questions[1]!.choices!.map((c) => c.count)).toEqual([1, 0, 1, 0]);
    expect(results.questions[3]!.texts!.map((x) => x.text)).toEqual(['窗口人员很耐心']);
  });

  it('refuses forged, foreign and garbage links with 400, an expired one with 410, a closed survey with 409', async () => {
    const survey = await openSurvey('链接有效性调查');
    await api.ok('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: DEMO_ENTERPRISES.map((e) => e.uscc) });
    const links = await linksOf(survey.id);
    const [a, b] = [...links.values()];
    const forged = `${a!.slice(0, -1)}${a!.endsWith('A') ? 'B' : 'A'}`;
    const signedForRatings = newLinkToken(t.config.SESSION_SECRET, 'rating-invitation').token;
    const signedWithAnotherKey = newLinkToken('another-secret-that-is-not-the-servers', 'survey').token;
    for (const token of [forged, signedForRatings, signedWithAnotherKey, 'not-a-token']) {
      const res = await api.call('GET', `/api/public/surveys/${token}`);
      expect(res.statusCode, token).toBe(400);
      expect(res.json().code).toBe('SURVEY_LINK_INVALID');
      expect((await answer(token, [])).json().code).toBe('SURVEY_LINK_INVALID');
    }

    await t.db.update(surveyRecipients).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(surveyRecipients.surveyId, survey.id));
    const expired = await api.call('GET', `/api/public/surveys/${a}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('SURVEY_LINK_EXPIRED');
    await t.db.update(surveyRecipients).set({ expiresAt: new Date(Date.now() + 86_400_000) }).where(eq(surveyRecipients.surveyId, survey.id));

    const detail = await api.ok<SurveyDetail>('GET', `/api/surveys/${survey.id}`, manager);
    await api.ok('POST', `/api/surveys/${survey.id}/close`, manager, { version: detail.version });
    const closed = await answer(b!, [{ questionId: detail.questions[0]!.id, value: 0 }, { questionId: detail.questions[2]!.id, value: 3 }]);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('SURVEY_CLOSED');
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [DEMO_ENTERPRISES[0]!.uscc] })).json().code).toBe('INVALID_STATE');
  });

  it('stores one answer sheet when the same link is submitted twice at once', async () => {
    const survey = await openSurvey('并发提交调查');
    await api.ok('POST', `/api/surveys/${survey.id}/sendings`, manager, { usccs: [DEMO_ENTERPRISES[1]!.uscc] });
    const [link] = [...(await linksOf(survey.id)).values()];
    const replies = [{ questionId: survey.questions[0]!.id, value: 1 }, { questionId: survey.questions[2]!.id, value: 2 }];
    const answers = await Promise.all([answer(link!, replies), answer(link!, replies), answer(link!, replies)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(['SURVEY_ALREADY_ANSWERED', 'SURVEY_ALREADY_ANSWERED']);
    const results = await api.ok<SurveyResults>('GET', `/api/surveys/${survey.id}/results`, manager);
    expect(results).toMatchObject({ sent: 1, answered: 1 });
    expect(results.questions[2]!.scale!.distribution.map((d) => d.count)).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('sending by a filter and the results', () => {
  it('reaches the enterprises of the registry that match, reports those without a phone, and adds up the answers', async () => {
    const filter = { town: '九江镇', sizeClass: 'small' };
    const registry = await api.ok<{ total: number }>('GET', '/api/enterprises?town=九江镇&sizeClass=small&pageSize=1', manager);
    expect(registry.total).toBeGreaterThan(3);
    const survey = await openSurvey('九江镇小型企业满意度调查');
    const sent = await api.ok<SendingResult>('POST', `/api/surveys/${survey.id}/sendings`, manager, { filter });
    expect(sent.invited + sent.unreachable.length).toBe(registry.total);
    expect(sent.invited).toBeGreaterThanOrEqual(3);
    expect((await api.call('POST', `/api/surveys/${survey.id}/sendings`, manager, { filter: { town: '不存在的镇' } })).json().code).toBe('NO_RECIPIENTS');

    const [q1, q2, q3, q4] = survey.questions.map((q) => q.id);
    const sheets = [
      [{ questionId: q1, value: 0 }, { questionId: q2, value: [0, 1] }, { questionId: q3, value: 5 }, { questionId: q4, value: '办事很快' }],
      [{ questionId: q1, value: 0 }, { questionId: q2, value: [1] }, { questionId: q3, value: 4 }],
      [{ questionId: q1, value: 2 }, { questionId: q2, value: [] }, { questionId: q3, value: 2 }, { questionId: q4, value: '停车位不足' }],
    ];
    const links = [...(await linksOf(survey.id)).values()];
    for (const [i, sheet] of sheets.entries()) expect((await answer(links[i]!, sheet)).statusCode).toBe(201);

    const r = await api.ok<SurveyResults>('GET', `/api/surveys/${survey.id}/results`, manager);
    expect(r).toMatchObject({ sent: sent.invited, answered: 3, responseRate: Math.round((3 / sent.invited) * 1000) / 10 });
    expect(r.questions[0]).toMatchObject({ answered: 3, choices: [{ option: '企业开办', count: 2, share: 66.7 }, { option: '工程建设', count: 0, share: 0 }, { option: '涉税', count: 1, share: 33.3 }] });
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
    expect(r.questions[3]).toMatchObject({ answered: 2, texts: [{ text: '办事很快' }, { text: '停车位不足' }] });
    const listed = (await api.ok<SurveySummary[]>('GET', '/api/surveys?state=open', auditor)).find((s) => s.id === survey.id)!;
    expect(listed).toMatchObject({ sent: sent.invited, answered: 3, responseRate: r.responseRate });
  });
});
