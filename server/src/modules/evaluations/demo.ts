import crypto from 'node:crypto';
import pino from 'pino';
import type { Config } from '../../config.ts';
import { VISIT_FINISHED } from '../../platform/events/domain.ts';
import { dispatchOutbox } from '../../platform/outbox/service.ts';
import { loadCalendar, type Calendar } from '../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { entityCheckCharacter, usccCheckCharacter } from '../../lib/uscc.ts';
import { listPublishedItemFacts } from '../catalog/published/items.ts';
import { seededRandom } from '../enterprises/demo-data.ts';
import { generateDay, historyItemsOf, instantOf, type HistoryQueue } from '../queue/demo-history.ts';
import { DEMO_QUEUES } from '../queue/demo.ts';
import { loadPastTickets } from '../queue/history/service.ts';
import { listQueues } from '../queue/settings/service.ts';
import { listDepartments, listStaff, updateDepartment } from '../staff/service.ts';
import { getCenter, listCounters } from '../venue/service.ts';
import { callbackSettingsOf } from './callbacks/service.ts';
import type { QuestionSetCode, RatingChannel } from './contract.ts';
import * as demoRepo from './demo/repository.ts';
import { questionSetOf, tagsFor } from './ratings/questions.ts';

/**
 * The demo center's 好差评 history: about three months of ratings over its finished visits and
 * applications — every channel, option tags, some comments, defaults (基本满意) for those not
 * rated in seven days, the last days partly still unrated — and the real-name bad reviews with
 * their callbacks in every stage: open, open and overdue, contacted, verified unfounded and
 * closed, founded awaiting its rectification, rectifying, rectification done awaiting the
 * re-rating, closed after the re-rating. One appeal upheld (the review excluded), one pending.
 *
 * Visits before the queue demo's last working days are generated here at about a seventh of a
 * day's traffic, so that the months stay quick to seed. Rows go in by bulk inserts.
 */

const MONTHS_BACK_DAYS = 92;
const EARLIER_TRAFFIC = 0.15;
const DAY_MS = 86_400_000;

type Stage = 'open' | 'open_overdue' | 'contacted' | 'unfounded_closed' | 'founded_verified' | 'rectifying' | 'rectified_awaiting' | 'closed_re_rated';

/** The stage, and how many working days before today the bad review was given. */
const STAGES: { stage: Stage; workingDaysAgo: number }[] = [
  { stage: 'open', workingDaysAgo: 0 },
  { stage: 'open_overdue', workingDaysAgo: 4 },
  { stage: 'contacted', workingDaysAgo: 1 },
  { stage: 'unfounded_closed', workingDaysAgo: 9 },
  { stage: 'founded_verified', workingDaysAgo: 2 },
  { stage: 'rectifying', workingDaysAgo: 3 },
  { stage: 'rectified_awaiting', workingDaysAgo: 5 },
  { stage: 'closed_re_rated', workingDaysAgo: 14 },
];

const GOOD_COMMENTS = ['窗口人员很耐心，一次就办好了', '材料清单讲得很清楚，谢谢', '比预想的快很多', '帮办人员全程指导，点赞', '网上提交后很快就审核通过了'];
const NEUTRAL_COMMENTS = ['等候时间有点长', '希望指南再写清楚一些', ''];
const BAD_COMMENTS = ['等了一个多小时才叫到号', '材料要求前后说法不一致，来回跑了两次', '窗口人员态度生硬', '网上提交后一直没有审核进度', '指南写的材料和窗口要求的不一样'];
const PUBLIC_SUMMARIES: Record<string, { measures: string; summary: string }> = {
  efficiency: { measures: '高峰时段增开弹性窗口，优化叫号分流；对超时办件逐件督办。', summary: '已在高峰时段增开弹性窗口并优化叫号分流，等候时间明显缩短。' },
  competence: { measures: '组织窗口人员业务培训，统一材料口径并更新办事指南。', summary: '已开展窗口业务培训，统一材料要求口径，更新办事指南。' },
  attitude: { measures: '约谈当事窗口人员，开展服务规范培训并纳入月度考核。', summary: '已对相关窗口人员开展服务规范培训，纳入月度考核。' },
  other: { measures: '梳理办理流程，压缩审核环节，按周通报办理进度。', summary: '已梳理办理流程、压缩审核环节，并定期公开办理进度。' },
};
const PERSON_NAMES = ['陈先生', '李女士', '王先生', '张女士', '刘先生', '黄女士', '何先生', '罗女士'];

/** `enterprises`: the demo enterprises (raters and applicants of the history). */
export async function seedEvaluationsDemo(
  db: Db,
  config: Config,
  centerId: string,
  enterprises: readonly { uscc: string; name: string }[],
  now = new Date(),
): Promise<void> {
  if (await demoRepo.hasCallbacks(db, centerId)) return;
  const random = seededRandom(8_2026);
  const calendar = await loadCalendar(db);
  const today = businessToday(now);
  await giveDepartmentsCreditCodes(db, centerId);
  await generateEarlierVisits(db, centerId, calendar, today, config, enterprises.map((e) => e.uscc));

  const staff = await listStaff(db, { centerId });
  const clerks = staff.filter((s) => s.roles.includes('counter_clerk'));
  const manager = staff.find((s) => s.roles.includes('center_manager'));
  const departments = await listDepartments(db, centerId);
  const chiefOf = new Map(departments.map((d) => [d.id, d.chiefOfficerId]));
  const keys = personalDataKeys(config);
  const enterpriseNames = new Map(enterprises.map((e) => [e.uscc, e.name]));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const latest = now.getTime() - 60_000;

  const rows: demoRepo.NewRating[] = [];
  for (const s of await demoRepo.unratedSubjects(db, centerId)) {
    const age = (now.getTime() - s.endedAt.getTime()) / DAY_MS;
    const isVisit = s.ticketId !== null;
    if (age < 7 && random() < 0.5) continue; // still inside its rating period, not rated yet
    const base = {
      id: crypto.randomUUID(),
      centerId,
      ticketId: s.ticketId,
      applicationId: s.applicationId,
      departmentId: s.departmentId,
      counterId: s.counterId,
      staffId: s.staffId,
      itemId: s.itemId,
      itemCode: s.itemCode,
      itemName: s.itemName,
      serviceEndedAt: s.endedAt,
      raterUscc: s.uscc,
    };
    if (age >= 7 && random() < 0.18) {
      rows.push({ ...base, level: 3, channel: 'default', questionSet: questionSetOf({ kind: isVisit ? 'visit' : 'application', channel: s.channel }), isRealName: s.uscc !== null, isDefault: true, raterName: nameOf(s), ratedAt: new Date(s.endedAt.getTime() + 7 * DAY_MS) });
      continue;
    }
    const r = random();
    const level = r < 0.78 ? 5 : r < 0.9 ? 4 : r < 0.96 ? 3 : r < 0.985 ? 2 : 1;
    const channel: RatingChannel = isVisit
      ? pick(['evaluator', 'evaluator', 'evaluator', 'evaluator', 'evaluator', 'qr', 'qr', 'sms', 'kiosk', 'phone', 'portal'] as const)
      : pick(['portal', 'portal', 'portal', 'sms', 'sms', 'qr', 'phone'] as const);
    const questionSet = questionSetOf({ kind: isVisit ? 'visit' : 'application', channel: s.channel });
    const delayMinutes = { evaluator: 0.5, kiosk: 2, qr: 30, sms: 600, portal: 1440, phone: 2880, default: 0 }[channel] * (0.5 + random());
    const ratedAt = new Date(Math.min(latest, s.endedAt.getTime() + delayMinutes * 60_000));
    const isRealName = !isVisit || s.uscc !== null || channel === 'sms' || channel === 'phone' || channel === 'portal';
    const phone = !isVisit ? { cipher: s.phoneCipher, masked: s.phoneMasked } : isRealName && (channel === 'sms' || channel === 'phone') ? demoPhone(keys, random) : { cipher: null, masked: null };
    rows.push({
      ...base,
      level,
      channel,
      questionSet,
      tags: tagsOf(questionSet, level, random),
      comment: commentOf(level, random),
      isRealName,
      raterName: isRealName ? nameOf(s) || pick(PERSON_NAMES) : '',
      raterPhoneCipher: phone.cipher,
      raterPhoneMasked: phone.masked,
      ratedAt,
      enteredBy: channel === 'phone' ? (clerks.find((c) => c.id === s.staffId)?.id ?? clerks[0]?.id ?? null) : null,
    });
  }

  // The reviews that show each stage of a callback: recent real-name ratings turned bad, at set days.
  const staged = new Map<string, Stage>();
  for (const { stage, workingDaysAgo } of STAGES) {
    const day = workingDaysBefore(calendar, today, workingDaysAgo);
    const at = stage === 'open' ? new Date(latest - 30 * 60_000) : instantOf(day, 10 * 60 + 7 * staged.size);
    const row = rows.find((x) => !staged.has(x.id!) && !x.isDefault && x.departmentId && x.serviceEndedAt! <= at && at.getTime() - x.serviceEndedAt!.getTime() < 20 * DAY_MS && x.channel !== 'evaluator');
    if (!row) continue;
    const questionSet = row.questionSet as QuestionSetCode;
    Object.assign(row, { level: stage === 'open' || stage === 'rectifying' ? 1 : 2, ratedAt: at, isRealName: true, tags: tagsOf(questionSet, 1, random, 1), comment: pick(BAD_COMMENTS) });
    if (!row.raterName) row.raterName = pick(PERSON_NAMES);
    if (!row.raterPhoneCipher) Object.assign(row, ((p) => ({ raterPhoneCipher: p.cipher, raterPhoneMasked: p.masked }))(demoPhone(keys, random)));
    staged.set(row.id!, stage);
  }
  await demoRepo.insertRatingRows(db, rows);

  // Callbacks of every real-name bad review; those not staged are finished (closed) or, when recent, open.
  const settings = await callbackSettingsOf(db, centerId);
  const callbacks: demoRepo.NewCallback[] = [];
  const contacts: demoRepo.NewContact[] = [];
  const rectifications: demoRepo.NewRectification[] = [];
  const additions: demoRepo.NewAddition[] = [];
  const bad = rows.filter((x) => x.level! <= 2 && x.isRealName && !x.isDefault);
  for (const rating of bad) {
    const ratedAt = rating.ratedAt as Date;
    const ratedOn = businessToday(ratedAt);
    const contactDueOn = calendar.addWorkingDays(ratedOn, settings.contactWorkingDays);
    const finishDueOn = calendar.addWorkingDays(ratedOn, settings.finishWorkingDays);
    const stage: Stage = staged.get(rating.id!) ?? (finishDueOn >= today ? 'contacted' : random() < 0.4 ? 'unfounded_closed' : 'closed_re_rated');
    const assigneeId = (rating.departmentId && chiefOf.get(rating.departmentId)) || manager?.id || null;
    const caller = assigneeId ?? clerks[0]!.id;
    const id = crypto.randomUUID();
    const hoursLater = (h: number) => new Date(Math.min(latest, ratedAt.getTime() + h * 3600_000));
    const reachedAt = hoursLater(2 + random() * 20);
    const callback: demoRepo.NewCallback = {
      id,
      ratingId: rating.id!,
      centerId,
      departmentId: rating.departmentId,
      counterId: rating.counterId,
      assigneeId,
      state: 'open',
      contactDueOn,
      finishDueOn,
      createdAt: ratedAt,
    };
    callbacks.push(callback);
    if (stage === 'open') continue;
    if (stage === 'open_overdue') {
      contacts.push({ callbackId: id, method: 'phone', isReached: false, note: '电话未接通，已发短信请其回电', staffId: caller, contactedAt: hoursLater(5) });
      callback.overdueAlertedAt = new Date(`${contactDueOn}T17:30:00+08:00`);
      continue;
    }
    contacts.push({ callbackId: id, method: 'phone', isReached: true, note: '已电话联系评价人，了解具体情况并致歉', staffId: caller, contactedAt: reachedAt });
    Object.assign(callback, { state: 'contacted', contactedAt: reachedAt });
    if (stage === 'contacted') continue;
    const verifiedAt = hoursLater(26);
    const isUnfounded = stage === 'unfounded_closed';
    Object.assign(callback, {
      state: isUnfounded ? 'closed' : 'verified',
      verdict: isUnfounded ? 'unfounded' : random() < 0.7 ? 'founded' : 'partly_founded',
      verdictNote: isUnfounded ? '调取窗口录像和办件记录核实，办理符合规定，已向评价人解释说明' : '经核实，反映的问题属实',
      verifiedBy: assigneeId,
      verifiedAt,
      ...(isUnfounded ? { closedAt: verifiedAt } : {}),
    });
    if (isUnfounded || stage === 'founded_verified') continue;
    const aspect = (rating.tags as string[])[0]?.split('.')[0] ?? 'other';
    const text = PUBLIC_SUMMARIES[aspect] ?? PUBLIC_SUMMARIES.other!;
    const isDone = stage !== 'rectifying';
    const doneAt = hoursLater(72);
    rectifications.push({
      callbackId: id,
      measures: text.measures,
      ownerId: assigneeId,
      ownerName: staff.find((s) => s.id === assigneeId)?.displayName ?? '',
      dueOn: finishDueOn,
      result: isDone ? '整改措施已落实，已向评价人反馈整改情况' : '',
      doneAt: isDone ? doneAt : null,
      doneBy: isDone ? assigneeId : null,
      publicSummary: text.summary,
      createdAt: hoursLater(30),
    });
    callback.state = 'rectifying';
    if (stage !== 'closed_re_rated') continue;
    additions.push({ ratingId: rating.id!, kind: 're_rating', level: random() < 0.7 ? 5 : 4, comment: '问题已解决，满意', channel: 'phone', enteredBy: caller, createdAt: hoursLater(96) });
    Object.assign(callback, { state: 'closed', closedAt: hoursLater(97) });
  }

  // One appeal upheld (an older bad review, excluded from the figures), one pending (on the contacted callback).
  const appeals: demoRepo.NewAppeal[] = [];
  const ageOf = (x: demoRepo.NewRating) => (now.getTime() - (x.ratedAt as Date).getTime()) / DAY_MS;
  const upheld = bad.find((x) => !staged.has(x.id!) && x.staffId && x.staffId !== manager?.id && ageOf(x) > 20 && ageOf(x) < 60);
  if (upheld && manager) {
    const decidedAt = new Date((upheld.ratedAt as Date).getTime() + 3 * DAY_MS);
    appeals.push({ ratingId: upheld.id!, centerId, reason: 'malicious', statement: '评价人当日因不符合受理条件被告知补正后恶意差评，附窗口录像截图及办件记录。', appellantId: upheld.staffId!, state: 'upheld', decidedBy: manager.id, decidedAt, decisionNote: '经调阅录像和办件记录，窗口办理符合规定，评价与事实不符，申诉成立。', createdAt: new Date(decidedAt.getTime() - DAY_MS) });
    upheld.excludedAt = decidedAt;
    const cb = callbacks.find((c) => c.ratingId === upheld.id)!;
    Object.assign(cb, { state: 'closed', closedAt: decidedAt, verdict: cb.verdict ?? 'unfounded', verdictNote: '申诉复核成立，该评价不计入统计' });
  }
  const contested = bad.find((x) => staged.get(x.id!) === 'contacted');
  if (contested?.staffId && contested.staffId !== manager?.id) {
    appeals.push({ ratingId: contested.id!, centerId, reason: 'mistaken', statement: '评价人反映的等候时间与叫号记录不符，疑为误评，请求复核。', appellantId: contested.staffId, state: 'pending', createdAt: new Date(latest - 10 * 60_000) });
  }

  await db.transaction(async (tx) => {
    await demoRepo.insertCallbackRows(tx, callbacks);
    await demoRepo.insertContactRows(tx, contacts);
    await demoRepo.insertRectificationRows(tx, rectifications);
    await demoRepo.insertAdditionRows(tx, additions);
    await demoRepo.insertAppealRows(tx, appeals);
    if (upheld?.excludedAt) await demoRepo.markExcluded(tx, [upheld.id!], upheld.excludedAt as Date);
  });

  function nameOf(s: demoRepo.UnratedSubject): string {
    return s.applicantName || (s.uscc ? (enterpriseNames.get(s.uscc) ?? '') : '');
  }
}

function tagsOf(set: QuestionSetCode, level: number, random: () => number, atLeast = 0): string[] {
  const offered = tagsFor(set, level);
  if (offered.length === 0) return [];
  const count = Math.max(atLeast, Math.floor(random() * 3));
  const chosen = new Set<string>();
  for (let i = 0; i < count; i++) chosen.add(offered[Math.floor(random() * offered.length)]!.code);
  return [...chosen];
}

function commentOf(level: number, random: () => number): string {
  const list = level >= 4 ? GOOD_COMMENTS : level === 3 ? NEUTRAL_COMMENTS : BAD_COMMENTS;
  const chance = level >= 4 ? 0.08 : level === 3 ? 0.3 : 0.7;
  return random() < chance ? list[Math.floor(random() * list.length)]! : '';
}

function demoPhone(keys: ReturnType<typeof personalDataKeys>, random: () => number) {
  const phone = `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  return { cipher: encryptField(keys, 'phone', phone), masked: maskPhone(phone) };
}

function workingDaysBefore(calendar: Calendar, date: string, n: number): string {
  let day = date;
  let left = n;
  if (n === 0) return day;
  while (left > 0) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Departments get a unified social credit code of a government organ (category 1, code 11) of the
 * center's region: the export's departmentCode is the unit's credit code.
 */
async function giveDepartmentsCreditCodes(db: Db, centerId: string): Promise<void> {
  const center = await getCenter(db, centerId);
  for (const [i, d] of (await listDepartments(db, centerId)).entries()) {
    if (d.uscc) continue;
    const body = `MB${String(201_000 + i * 37).padStart(6, '0')}`;
    const first17 = `11${center.regionCode}${body}${entityCheckCharacter(body)}`;
    await updateDepartment(db, d.id, { version: d.version, uscc: `${first17}${usccCheckCharacter(first17)}` });
  }
}

/** Visits of the months before the queue demo's last days, at about a seventh of a day's traffic. */
async function generateEarlierVisits(db: Db, centerId: string, calendar: Calendar, today: string, config: Config, usccs: string[]): Promise<void> {
  const first = await demoRepo.earliestVisitDate(db, centerId);
  const until = first ?? today;
  const counters = new Map((await listCounters(db, centerId)).map((c) => [c.number, c.id]));
  const staffAtCounter = new Map<string, string>();
  for (const s of await listStaff(db, { centerId })) if (s.counterId && s.roles.includes('counter_clerk')) staffAtCounter.set(s.counterId, s.id);
  const queues = new Map((await listQueues(db, centerId)).map((q) => [q.prefix, q]));
  const items = await listPublishedItemFacts(db, centerId);
  const historyQueues: HistoryQueue[] = DEMO_QUEUES.flatMap((demo) => {
    const q = queues.get(demo.prefix);
    if (!q) return [];
    return [
      {
        id: q.id,
        prefix: q.prefix,
        dailyTickets: Math.max(1, Math.round(demo.dailyTickets * EARLIER_TRAFFIC)),
        serviceMinutes: demo.serviceMinutes,
        theme: demo.themes[0] ?? null,
        ...historyItemsOf(items, demo.themes),
        counters: demo.counters
          .map((n) => counters.get(n))
          .filter((id): id is string => id !== undefined && staffAtCounter.has(id))
          .map((id) => ({ id, staffId: staffAtCounter.get(id)! })),
      },
    ];
  });
  const tickets = [];
  for (let day = addDays(today, -MONTHS_BACK_DAYS); day < until; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) tickets.push(...generateDay({ centerId, date: day, queues: historyQueues, usccs }).tickets);
  }
  if (tickets.length > 0) await loadPastTickets(db, tickets);
  // They become rateable subjects through the outbox, as any finished visit does; here at once.
  await dispatchOutbox(db, { config, log: pino({ level: 'silent' }) }, { topics: [VISIT_FINISHED], batch: Number.MAX_SAFE_INTEGER, claim: 500 });
}
