import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import { contactPhonesOf, personalDataKeys, searchEnterprises } from '../../enterprises/service.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import type { ReplyValue, SurveyInput } from './contract.ts';
import { answerSurvey } from './public.ts';
import { inviteEnterprises } from './sending.ts';
import { createSurvey, openSurvey } from './service.ts';

/**
 * The demo's satisfaction surveys: one sent three weeks ago to 20 enterprises of 狮山镇 with a
 * contact phone, 12 of which answered over the following days; one still a draft.
 */

const DAY_MS = 86_400_000;

const QUARTERLY: SurveyInput = {
  title: '企业政务服务满意度调查（季度）',
  intro: '为持续改进企业政务服务，请根据贵企业近三个月在本中心办事的体验填写本问卷，约需 3 分钟。',
  closesOn: null,
  questions: [
    { kind: 'single', prompt: '贵企业近三个月主要办理的业务类型', isRequired: true, options: ['企业开办', '经营许可', '工程建设', '涉税服务', '其他'] },
    { kind: 'scale', prompt: '对窗口工作人员服务态度的满意度（1 分最低，5 分最高）', isRequired: true, options: [] },
    { kind: 'scale', prompt: '对办事效率的满意度（1 分最低，5 分最高）', isRequired: true, options: [] },
    { kind: 'multiple', prompt: '您希望中心重点改进哪些方面（可多选）', isRequired: false, options: ['午间服务', '停车引导', '网上办理', '材料精简', '政策宣传'] },
    { kind: 'text', prompt: '其他意见和建议', isRequired: false, options: [] },
  ],
};

/** 12 answer sheets: business type, attitude, efficiency, what to improve, a comment. */
const SHEETS: [number, number, number, number[], string][] = [
  [0, 5, 5, [2], '一次就办成了，点赞。'],
  [1, 5, 4, [0, 1], ''],
  [0, 4, 4, [1], '停车场找车位比较困难。'],
  [3, 5, 5, [], ''],
  [2, 3, 2, [0, 3], '工程建设类材料还是偏多，希望进一步精简。'],
  [1, 4, 4, [4], ''],
  [0, 5, 4, [2], '希望更多事项可以全程网办。'],
  [3, 4, 3, [0], '中午来办事只有两个窗口，等了比较久。'],
  [4, 5, 5, [], ''],
  [1, 2, 3, [1, 3], '引导员不够，第一次来不知道去哪个区。'],
  [0, 5, 5, [4], ''],
  [2, 4, 3, [0, 2], ''],
];

export async function seedSurveysDemo(deps: ServiceDeps, manager: StaffPrincipal): Promise<void> {
  const now = Date.now();
  const at = (daysAgo: number, hour: number) => new Date(now - daysAgo * DAY_MS - (now % DAY_MS) + (hour - 8) * 3_600_000);
  const sentAt = at(21, 10);
  const draft = await createSurvey(deps, manager, { ...QUARTERLY, closesOn: addDays(businessToday(), 10) }, at(22, 16));
  const survey = await openSurvey(deps, manager, draft.id, draft.version, sentAt);

  // 20 enterprises of 狮山镇 that have a contact phone on record
  const candidates = (await searchEnterprises(deps.db, { town: '狮山镇', page: 1, pageSize: 200 })).items;
  const phones = await contactPhonesOf(deps.db, personalDataKeys(deps.config), candidates.map((e) => e.id));
  const usccs = candidates.filter((e) => phones.has(e.id)).slice(0, 20).map((e) => e.uscc);
  const { links } = await inviteEnterprises(deps, manager, survey.id, { usccs }, sentAt);

  const [kind, attitude, efficiency, improve, comment] = survey.questions.map((q) => q.id) as [string, string, string, string, string];
  for (const [i, [k, a, e, m, c]] of SHEETS.entries()) {
    const link = links[i];
    if (!link) break;
    const replies: { questionId: string; value: ReplyValue }[] = [
      { questionId: kind, value: k },
      { questionId: attitude, value: a },
      { questionId: efficiency, value: e },
      { questionId: improve, value: m },
      { questionId: comment, value: c },
    ];
    await answerSurvey(deps, link.token, { replies }, at(20 - Math.floor(i * 1.5), 9 + (i % 8)));
  }

  await createSurvey(
    deps,
    manager,
    {
      title: '惠企政策知晓度调查',
      intro: '了解企业对惠企政策推送和免申即享的知晓和使用情况。',
      closesOn: null,
      questions: [
        { kind: 'single', prompt: '贵企业是否收到过中心推送的惠企政策', isRequired: true, options: ['收到过', '没有收到', '不清楚'] },
        { kind: 'scale', prompt: '政策推送与贵企业的相关程度', isRequired: true, options: [] },
        { kind: 'text', prompt: '希望了解哪些政策', isRequired: false, options: [] },
      ],
    },
    at(2, 11),
  );
}
