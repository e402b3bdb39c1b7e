import type { Config } from '../../config.ts';
import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import { instantOf } from '../../platform/calendar/clock.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderNotice } from '../../platform/pdf/notice.ts';
import { searchEnterprises } from '../enterprises/service.ts';
import { publishedPolicies } from '../policies/service.ts';
import { listStaff } from '../staff/service.ts';
import { listZones } from '../venue/service.ts';
import { checkIn, giveFeedback, register } from './registrations.ts';
import { addMaterial, changeStatus, createEvent } from './service.ts';

/**
 * The demo's briefings (6.2.4), organised by the policy officer in the 宣讲培训室: a policy
 * briefing two weeks ago (registrations, check-ins, slides to download, feedback) — the first
 * demo enterprise attended and has not yet given its feedback — and a training next week, open
 * for registration.
 */

const PHONE = (n: number) => `1390758${String(1000 + n).slice(-4)}`;
const FEEDBACK: [number, string][] = [
  [5, '政策讲得很透，案例实用。'],
  [4, '希望提供更多申报材料模板。'],
  [5, ''],
  [3, '时间有点紧，答疑环节不够。'],
];

export async function seedBriefingsDemo(db: Db, config: Config, centerId: string, enterprises: readonly { uscc: string; name: string }[]): Promise<void> {
  const deps = { db, config };
  const s = (await listStaff(db, { centerId })).find((x) => x.username === 'policy');
  const room = (await listZones(db, centerId)).find((z) => z.kind === 'briefing');
  if (!s || !room) return;
  const officer: StaffPrincipal = { type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles: s.roles, permissions: new Set(permissionsOf(s.roles)), centerId, centerScope: [centerId], departmentId: s.departmentId, mustChangePassword: false };
  const registry = (await searchEnterprises(db, { town: '大沥镇', page: 1, pageSize: 40 })).items.filter((e) => !enterprises.some((d) => d.uscc === e.uscc));
  const as = (e: { uscc: string; name: string }): EnterprisePrincipal => ({ type: 'enterprise', id: e.uscc, uscc: e.uscc, name: e.name });
  const today = businessToday();
  const policies = await publishedPolicies(db);
  const policyIds = (...titles: string[]) => policies.filter((p) => titles.includes(p.title)).map((p) => p.id);

  // two weeks ago: held, with materials and feedback
  const pastDay = addDays(today, -14);
  const before = instantOf(addDays(pastDay, -6), 10 * 60);
  let past = await createEvent(
    deps,
    officer,
    {
      kind: 'policy_briefing',
      topic: '2026 年南海区惠企政策宣讲会',
      description: '解读制造业高质量发展、专精特新企业培育和稳岗扩岗等惠企政策，现场答疑并指导“免申即享”和网上申报。',
      speakers: ['吴丽娟（中心惠企政策窗口）', '区工业和信息化局政策法规科'],
      date: pastDay,
      startTime: '14:30',
      endTime: '16:30',
      zoneId: room.id,
      liveUrl: '',
      policyIds: policyIds('专精特新"小巨人"企业奖励', '小微企业稳岗补贴', '高新技术企业认定奖励'),
      capacity: 60,
      registrationClosesOn: addDays(pastDay, -1),
    },
    instantOf(addDays(pastDay, -10), 9 * 60),
  );
  past = await changeStatus(deps, officer, past.id, 'publish', past.version, instantOf(addDays(pastDay, -10), 9 * 60 + 30));
  const attendees = [{ e: enterprises[0]!, n: 2 }, ...registry.slice(0, 7).map((e, i) => ({ e, n: 1 + (i % 2) }))];
  let phone = 0;
  const registrations: { id: string; codes: string[]; e: { uscc: string; name: string } }[] = [];
  for (const [i, { e, n }] of attendees.entries()) {
    const people = Array.from({ length: n }, (_, k) => ({ name: ['陈志明', '李海燕', '黄嘉豪', '梁晓敏', '何俊峰', '罗美玲', '林建国', '郭慧珊', '周文杰', '吴婷婷', '冯国强', '谢丽娜'][(i * 2 + k) % 12]!, phone: PHONE(++phone) }));
    const own = await register(deps, as(e), past.id, { attendees: people }, new Date(before.getTime() + i * 3_600_000));
    registrations.push({ id: own.id, codes: own.attendees.map((a) => a.checkInCode), e });
  }
  // all but the last two enterprises came (one of their attendees each at least)
  for (const [i, r] of registrations.slice(0, -2).entries()) {
    for (const [k, code] of r.codes.entries()) await checkIn(deps, officer, past.id, code, instantOf(pastDay, 14 * 60 + 5 + i * 2 + k));
  }
  const slides = await renderNotice({
    title: '2026 年南海区惠企政策宣讲会 讲义',
    issuer: '佛山市南海区政务服务中心',
    blocks: [
      { kind: 'heading', text: '一、制造业高质量发展扶持' },
      { kind: 'paragraph', text: '对年度技术改造投资额 500 万元以上的工业企业，按设备投资额的一定比例给予奖励；符合条件的企业可通过“免申即享”直接兑现。' },
      { kind: 'heading', text: '二、专精特新企业培育' },
      { kind: 'paragraph', text: '首次认定为国家级、省级专精特新中小企业的，分别给予一次性奖励。申报材料和流程见中心网站“惠企政策”。' },
      { kind: 'heading', text: '三、稳岗扩岗' },
      { kind: 'paragraph', text: '吸纳登记失业人员和高校毕业生就业的中小微企业，可申领一次性扩岗补助。' },
    ],
    signature: { organ: '佛山市南海区政务服务中心', date: pastDay },
    isDemo: true,
  });
  const atEnd = instantOf(pastDay, 16 * 60 + 40);
  past = await addMaterial(deps, officer, past.id, { filename: '惠企政策宣讲会讲义.pdf', content: slides }, atEnd);
  past = await changeStatus(deps, officer, past.id, 'hold', past.version, atEnd);
  // feedback from four of the enterprises that came (not the first demo enterprise: it may still give its own)
  for (const [i, [satisfaction, comment]] of FEEDBACK.entries()) {
    const r = registrations[i + 1]!;
    await giveFeedback(deps, as(r.e), r.id, { satisfaction, comment }, instantOf(addDays(pastDay, 1), 9 * 60 + i * 17));
  }

  // next week: a training, open for registration
  const nextDay = addDays(today, 7);
  const next = await createEvent(deps, officer, {
    kind: 'training',
    topic: '企业开办“一网通办”操作培训',
    description: '手把手演示企业开办、食品经营许可和电子证照的网上申报，适合企业经办人和中介机构人员参加，请自带笔记本电脑。',
    speakers: ['罗文静（申报辅导区）'],
    date: nextDay,
    startTime: '09:30',
    endTime: '11:30',
    zoneId: room.id,
    liveUrl: '',
    policyIds: [],
    capacity: 40,
    registrationClosesOn: addDays(nextDay, -1),
  });
  await changeStatus(deps, officer, next.id, 'publish', next.version);
  for (const [i, e] of registry.slice(7, 10).entries()) {
    await register(deps, as(e), next.id, { attendees: [{ name: ['张伟', '王芳', '刘洋'][i]!, phone: PHONE(100 + i) }] });
  }
}
