import crypto from 'node:crypto';
import type { Calendar } from '../../../platform/calendar/service.ts';
import type { ItemGuide } from '../../catalog/contract.ts';
import { itemChecklist } from '../intake/checklist.ts';
import { acceptanceNotice, decisionNotice, deferralNotice, nonAcceptanceNotice, pickupNotice, supplementNotice, terminationNotice, type NoticeContent, type NoticeFacts } from '../notices/documents.ts';
import type { NoticeKind } from '../contract.ts';
import type { ApplicationState } from '../workflow/definition.ts';
import type { DemoRows } from './repository.ts';

/**
 * The demo's applications as rows: each follows a plausible path to its state (receipt, notices,
 * review, decision, delivery) with dates counted back from the seeding day in working days, so
 * that some are fresh, some near their due date and some overdue. Deterministic for a given day.
 */

export type DemoItem = { code: string; versionId: string; guide: ItemGuide; departmentName: string };
export type DemoContext = {
  random: () => number;
  calendar: Calendar;
  today: string;
  /** the last 70 working days, newest first (index 0 is today or the last working day) */
  workdays: string[];
  centerId: string;
  centerName: string;
  regionPrefix: string;
  regionCode: string;
  year: number;
  clerk: { id: string; name: string };
  reviewer: { id: string; name: string; departmentId: string };
  departments: Map<string, string>;
  nextNumber: () => string;
  nextNotice: (kind: NoticeKind) => string;
  rows: DemoRows;
};

/** One plan per application: what it is for, who applied, and where it ends up. */
export type DemoPlan = {
  item: DemoItem;
  applicant: { uscc: string; name: string; enterpriseId: string };
  state: ApplicationState;
  /** working days between receipt and today */
  age: number;
  isCommitment?: boolean;
  deferred?: 'pending' | 'supplied' | 'expired';
  delivery?: 'counter' | 'mail' | 'electronic';
  isLate?: boolean;
};

const OPINIONS = ['经审查，申请材料齐全，符合法定条件，准予许可。', '经审查及现场核查，符合规定条件，同意许可。', '材料真实有效，条件符合要求，予以批准。'];
const REJECTIONS = ['经现场核查，经营场所布局不符合要求，不予许可。', '申请人不具备相应的专业技术人员，不予许可。'];
const DECLINES = ['申请事项不属于本中心受理范围', '申请人未在补正期限内补正材料，且无正当理由'];

export function uuidOf(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const atTime = (date: string, minutes: number) => new Date(`${date}T09:00:00+08:00`).getTime() + minutes * 60_000;
const stamp = (date: string, minutes: number) => new Date(atTime(date, minutes));

export function buildApplication(ctx: DemoContext, plan: DemoPlan): void {
  const { random, calendar, rows } = ctx;
  const id = uuidOf(random);
  const number = ctx.nextNumber();
  // from the id, so the seeded sequence of the demo stays as it was
  const checkCode = crypto.createHash('sha256').update(`check-code:${id}`).digest('hex').slice(0, 8).toUpperCase();
  const g = plan.item.guide;
  const receivedOn = ctx.workdays[Math.min(plan.age, ctx.workdays.length - 1)]!;
  const departmentId = g.departmentId;
  const lead = g.jointReview.group && g.jointReview.leadDepartmentId && g.jointReview.leadDepartmentId !== departmentId ? g.jointReview.leadDepartmentId : null;
  const answers = Object.fromEntries(g.situations.map((q) => [q.key, q.options.at(-1)!.key]));
  const facts: NoticeFacts = {
    number,
    checkCode,
    applicantName: plan.applicant.name,
    uscc: plan.applicant.uscc,
    name: g.name,
    centerName: ctx.centerName,
    centerAddress: '',
    centerPhone: '12345',
    departmentName: plan.item.departmentName,
    regionPrefix: ctx.regionPrefix,
    receivedOn,
  };
  let minute = Math.floor(random() * 400);
  const event = (action: string, from: ApplicationState | null, to: ApplicationState, on: string, by: { id: string | null; name: string; department?: string | null }, note = '') =>
    rows.events.push({
      applicationId: id,
      action,
      fromState: from,
      toState: to,
      at: stamp(on, (minute += 7)),
      actorType: by.id ? 'staff' : 'system',
      actorId: by.id,
      actorName: by.name,
      departmentId: by.department ?? null,
      note,
      detail: {},
    });
  const notice = (kind: NoticeKind, content: NoticeContent, on: string) =>
    rows.notices.push({
      applicationId: id,
      centerId: ctx.centerId,
      kind,
      number: ctx.nextNotice(kind),
      title: content.title,
      content: { ...content, issuer: ctx.centerName, date: on, isDemo: true },
      issuedAt: stamp(on, (minute += 3)),
      issuedBy: ctx.clerk.name,
    });
  const clerk = { id: ctx.clerk.id, name: ctx.clerk.name };
  const system = { id: null, name: '系统', department: departmentId };
  const isSamr = departmentId === ctx.reviewer.departmentId;
  const reviewer = isSamr ? { id: ctx.reviewer.id, name: ctx.reviewer.name, department: departmentId } : { id: null, name: `${plan.item.departmentName}审批人员`, department: departmentId };

  const checklist = itemChecklist(g, plan.item.code, answers, { isCommitment: !!plan.isCommitment, hasAgent: false });
  const accepted = !['received', 'awaiting_supplement', 'supplement_approval', 'declined'].includes(plan.state);
  const owed = checklist.filter((m) => m.status === 'missing' && m.importance === 'secondary').slice(0, 1 + Math.floor(random() * 2));
  const deferredKeys = plan.deferred ? checklist.filter((m) => m.isDeferrable).slice(0, 1).map((m) => m.key) : [];
  rows.materials.push(
    ...checklist.map((m, position) => {
      const isOwed = (!accepted && owed.some((o) => o.key === m.key)) || (plan.deferred !== 'supplied' && deferredKeys.includes(m.key));
      return {
        applicationId: id,
        key: m.key,
        name: m.name,
        importance: m.importance,
        requirement: m.requirement,
        licenseType: m.licenseType,
        isDeferrable: m.isDeferrable,
        isReplaceableByCommitment: m.isReplaceableByCommitment,
        status: m.status === 'committed' ? ('committed' as const) : isOwed ? (deferredKeys.includes(m.key) ? ('deferred' as const) : ('missing' as const)) : ('paper_seen' as const),
        position,
        updatedBy: ctx.clerk.name,
        updatedAt: stamp(receivedOn, minute),
      };
    }),
  );

  const app: DemoRows['applications'][number] = {
    id,
    number,
    checkCode,
    centerId: ctx.centerId,
    kind: 'item',
    guideVersionId: plan.item.versionId,
    code: plan.item.code,
    name: g.name,
    departmentId,
    leadDepartmentId: lead,
    uscc: plan.applicant.uscc,
    applicantName: plan.applicant.name,
    enterpriseId: plan.applicant.enterpriseId,
    channel: random() < 0.8 ? 'counter' : 'online',
    firstHandlerId: ctx.clerk.id,
    firstHandlerName: ctx.clerk.name,
    answers,
    state: plan.state,
    isCommitment: !!plan.isCommitment,
    receivedAt: stamp(receivedOn, minute),
    lastReceivedOn: receivedOn,
    promisedDays: g.promisedLimitDays,
    createdAt: stamp(receivedOn, minute),
    updatedAt: stamp(ctx.today, 0),
  };
  rows.applications.push(app);
  event('receive', null, 'received', receivedOn, clerk);
  app.receivedAt = app.createdAt = rows.events.at(-1)!.at;

  if (!accepted) {
    if (plan.state === 'received') {
      if (plan.age > 5) {
        app.isDeemedAccepted = true;
        app.clockStartOn = receivedOn;
        event('flag_notice_overdue', 'received', 'received', calendar.addWorkingDays(receivedOn, 6), system, '收件后 5 个工作日内未出具书面告知，视为自收件之日起受理');
      }
      return;
    }
    if (plan.state === 'declined') {
      const reason = DECLINES[Math.floor(random() * DECLINES.length)]!;
      app.closedReason = reason;
      notice('non_acceptance', nonAcceptanceNotice(facts, { reason, remedies: '' }), receivedOn);
      event('decline', 'received', 'declined', receivedOn, clerk, reason);
      return;
    }
    const items = owed.map((m) => ({ key: m.key, name: m.name, problem: '未提交', requirement: m.requirement }));
    const deadline = calendar.addWorkingDays(receivedOn, Math.min(5, g.promisedLimitDays || 5));
    notice('supplement', supplementNotice(facts, { items, deadline, ordinal: 1, phase: 'intake' }), receivedOn);
    rows.supplements.push({ applicationId: id, ordinal: 1, phase: 'intake', items, deadline, state: plan.state === 'supplement_approval' ? 'fulfilled' : 'issued', returnState: 'received', requestedById: ctx.clerk.id, requestedByName: ctx.clerk.name, requestedAt: stamp(receivedOn, minute) });
    event('request_supplement', 'received', 'awaiting_supplement', receivedOn, clerk, `一次性告知补正 ${items.length} 项材料`);
    if (plan.state === 'supplement_approval') {
      const again = ctx.workdays[Math.max(0, plan.age - 2)]!;
      event('resubmit', 'awaiting_supplement', 'received', again, clerk, '申请人补正材料后重新提交');
      rows.supplements.push({ applicationId: id, ordinal: 2, phase: 'intake', items, deadline: calendar.addWorkingDays(again, 5), state: 'pending_approval', returnState: 'received', reason: '补正材料仍不符合要求', requestedById: ctx.clerk.id, requestedByName: ctx.clerk.name, requestedAt: stamp(again, minute) });
      event('request_supplement', 'received', 'supplement_approval', again, clerk, '第 2 次补正，待中心负责人批准');
    }
    return;
  }

  // Accepted on the day of receipt (most) or after one supplement round.
  const acceptedOn = receivedOn;
  const paused = plan.state === 'special_procedure' || random() < 0.1 ? 2 : 0;
  const dueDate = calendar.addWorkingDays(acceptedOn, g.promisedLimitDays + (plan.state === 'special_procedure' ? 0 : paused));
  Object.assign(app, { acceptedAt: stamp(acceptedOn, (minute += 20)), clockStartOn: acceptedOn, dueDate, pausedDays: plan.state === 'special_procedure' ? 0 : paused });
  notice('acceptance', acceptanceNotice(facts, { acceptedOn, clockStartOn: acceptedOn, promisedDays: g.promisedLimitDays, dueDate, isDeemedAccepted: false, materials: checklist.map((m) => m.name), isCommitment: !!plan.isCommitment }), acceptedOn);
  if (plan.deferred) {
    const until = calendar.addWorkingDays(acceptedOn, Math.min(g.deferral.supplementDays ?? 5, g.promisedLimitDays));
    Object.assign(app, { deferredUntil: until, deferralState: plan.deferred });
    notice('deferral', deferralNotice(facts, { materials: checklist.filter((m) => deferredKeys.includes(m.key)).map((m) => m.name), deadline: until, acceptedOn }), acceptedOn);
    event('accept_with_deferral', 'received', 'in_review', acceptedOn, clerk, `容缺材料 ${chinese(until)}前补齐`);
    if (plan.deferred === 'supplied') event('supply_deferred', 'in_review', 'in_review', calendar.addWorkingDays(acceptedOn, 2), clerk, '容缺材料已补齐');
  } else {
    event('accept', 'received', 'in_review', acceptedOn, clerk);
  }
  app.acceptedAt = rows.events.filter((e) => e.applicationId === id).at(-1)!.at;

  const departments = lead ? [departmentId, lead] : [departmentId];
  const task = (dept: string, state: 'open' | 'taken' | 'approved' | 'rejected' | 'closed', decidedOn?: string) => {
    const isMine = dept === ctx.reviewer.departmentId;
    rows.tasks.push({
      applicationId: id,
      centerId: ctx.centerId,
      departmentId: dept,
      isLead: dept === lead,
      state,
      assigneeId: state !== 'open' && isMine ? ctx.reviewer.id : null,
      assigneeName: state !== 'open' ? (isMine ? ctx.reviewer.name : `${ctx.departments.get(dept) ?? ''}审批人员`) : '',
      opinion: state === 'approved' ? OPINIONS[0]! : state === 'rejected' ? REJECTIONS[0]! : '',
      openedAt: stamp(acceptedOn, minute + 1),
      takenAt: state !== 'open' ? stamp(acceptedOn, minute + 60) : null,
      decidedAt: decidedOn ? stamp(decidedOn, minute + 90) : null,
    });
  };

  if (plan.state === 'stopped') {
    for (const d of departments) task(d, 'closed');
    const until = app.deferredUntil as string;
    const stoppedOn = calendar.nextWorkingDay(until);
    notice('termination', terminationNotice(facts, { materials: checklist.filter((m) => deferredKeys.includes(m.key)).map((m) => m.name), deadline: until, stoppedOn }), stoppedOn);
    event('expire_deferral', 'in_review', 'stopped', stoppedOn, system, '容缺材料逾期未补齐，终止办理，申请人列入失信名单');
    app.closedReason = '容缺材料逾期未补齐';
    return;
  }
  const open = ['in_review', 'review_supplement', 'special_procedure', 'lead_decision'].includes(plan.state);
  if (open) {
    const taken = random() < 0.7;
    if (plan.state === 'lead_decision') {
      task(departmentId, 'rejected', ctx.workdays[1]);
      task(lead ?? departmentId, 'approved', ctx.workdays[2]);
      event('reject', 'in_review', 'lead_decision', ctx.workdays[1]!, reviewer, REJECTIONS[0]);
      return;
    }
    for (const d of departments) task(d, taken ? 'taken' : 'open');
    if (taken) event('take', 'in_review', 'in_review', calendar.addWorkingDays(acceptedOn, 1) > ctx.today ? ctx.today : calendar.addWorkingDays(acceptedOn, 1), reviewer);
    if (plan.state === 'special_procedure') {
      const since = ctx.workdays[Math.max(0, Math.min(2, plan.age - 1))]!;
      app.pausedSince = since;
      rows.procedures.push({ applicationId: id, kind: 'inspection', reason: '需对经营场所进行现场核查', maxDays: 10, startedOn: since, startedAt: stamp(since, minute), startedByName: reviewer.name });
      event('start_special_procedure', 'in_review', 'special_procedure', since, reviewer, '现场核查（最长 10 个工作日，期间不计时）');
    }
    if (plan.state === 'review_supplement') {
      const since = ctx.workdays[Math.max(0, plan.age - 1)]!;
      app.pausedSince = since;
      const m = checklist.find((x) => x.status !== 'committed')!;
      const items = [{ key: m.key, name: m.name, problem: '内容与现场不符', requirement: m.requirement }];
      rows.supplements.push({ applicationId: id, ordinal: 1, phase: 'review', items, deadline: calendar.addWorkingDays(since, 3), state: 'issued', returnState: 'in_review', requestedById: reviewer.id, requestedByName: reviewer.name, requestedAt: stamp(since, minute) });
      notice('supplement', supplementNotice(facts, { items, deadline: calendar.addWorkingDays(since, 3), ordinal: 1, phase: 'review' }), since);
      event('return_for_supplement', 'in_review', 'review_supplement', since, reviewer, '审查中发现材料问题，退回补正');
    }
    return;
  }

  // Decided: on time for most, a few late.
  const decidedOn = plan.isLate ? calendar.addWorkingDays(dueDate, 1 + Math.floor(random() * 3)) : earliest(calendar.addWorkingDays(acceptedOn, Math.max(0, Math.floor(g.promisedLimitDays * (0.3 + random() * 0.6)))), ctx.workdays[Math.max(0, plan.age - 1 - Math.floor(random() * 3))] ?? ctx.today);
  const isApproved = plan.state !== 'rejected' && !(plan.state === 'delivered' && random() < 0.05);
  for (const d of departments) task(d, isApproved ? 'approved' : d === departmentId ? 'rejected' : 'closed', decidedOn);
  const opinion = isApproved ? OPINIONS[Math.floor(random() * OPINIONS.length)]! : REJECTIONS[Math.floor(random() * REJECTIONS.length)]!;
  Object.assign(app, { decision: isApproved ? 'approved' : 'rejected', decidedAt: stamp(decidedOn, minute + 120), decidedOn, decisionOpinion: opinion });
  notice('decision', decisionNotice(facts, { isApproved, opinion, decidedOn, license: null }), decidedOn);
  event(isApproved ? 'approve' : 'reject', 'in_review', isApproved ? 'approved' : 'rejected', decidedOn, reviewer, opinion);
  const pickupCode = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
  notice('pickup', pickupNotice(facts, { pickupCode, results: [`${isApproved ? '准予' : '不予'}许可决定书（${g.name}）`] }), decidedOn);
  if (plan.isCommitment && isApproved) {
    const verifyBy = calendar.addWorkingDays(decidedOn, 20);
    rows.verifications.push({ applicationId: id, departmentId, dueDate: verifyBy, state: plan.state === 'revoked' ? 'false' : 'pending', isOverdue: verifyBy < ctx.today });
  }
  const decidedState = isApproved ? 'approved' : 'rejected';
  const delivery = { applicationId: id, method: 'counter' as const, pickupCode, state: 'awaiting_pickup' as const, createdAt: stamp(decidedOn, minute + 121) };
  if (plan.state === 'approved' || plan.state === 'rejected') {
    rows.deliveries.push(delivery);
    return;
  }
  const handedOn = earliest(calendar.addWorkingDays(decidedOn, 1 + Math.floor(random() * 2)), ctx.today);
  const method = plan.state === 'delivering' ? 'mail' : (plan.delivery ?? 'counter');
  if (method === 'mail') {
    rows.deliveries.push({ ...delivery, method, state: plan.state === 'delivering' ? 'mailed' : 'delivered', address: `${plan.applicant.name}（演示地址）`, recipientName: '经办人', carrier: '中国邮政 EMS', trackingNumber: `EMS${number.replace(/-/g, '')}`, handledByName: ctx.clerk.name, deliveredAt: plan.state === 'delivering' ? null : stamp(handedOn, 600) });
    event('mail', decidedState, 'delivering', handedOn, clerk, `由中国邮政 EMS寄出，运单号 EMS${number.replace(/-/g, '')}`);
    if (plan.state === 'delivering') return;
    event('confirm_delivery', 'delivering', 'delivered', handedOn, clerk, '邮件已签收');
  } else {
    rows.deliveries.push({ ...delivery, method, state: 'delivered', handledByName: ctx.clerk.name, deliveredAt: stamp(handedOn, 300) });
    event(method === 'electronic' ? 'deliver_electronically' : 'hand_over', decidedState, 'delivered', handedOn, clerk);
  }
  app.deliveredAt = stamp(handedOn, 300);
  if (plan.state === 'revoked') {
    event('find_false_commitment', 'delivered', 'revoked', ctx.today, reviewer, '承诺不实，撤销许可决定');
    app.closedReason = '虚假承诺';
  }
}

const earliest = (a: string, b: string) => (a < b ? a : b);
const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
};
