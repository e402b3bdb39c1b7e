import crypto from 'node:crypto';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { lookupHash, normalizePhone, type PersonalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { listDepartments } from '../../staff/service.ts';
import type { ApplicationStateDto, OwnProgressDto, ProgressDto } from '../contract.ts';
import { chineseDate } from '../notices/documents.ts';
import * as repo from '../repository.ts';
import { STATES, type ApplicationAction, type ApplicationState } from '../workflow/definition.ts';
import { assertNever } from '../../../lib/assert-never.ts';

/**
 * 办件进度 for the enterprise (portal): found by application number plus a secret the applicant
 * holds — the check code printed on the acceptance notice, or the phone given at intake (the
 * number is sequential and the credit code public, so neither opens it); a timeline in plain
 * Chinese, without staff names or personal data.
 */

const NOT_FOUND = () => new AppError('NOT_FOUND', '未找到办件：请核对办件编号和查询码（或预留手机号码）');

export async function getProgress(db: Db, keys: PersonalDataKeys, q: { number: string; checkCode?: string; phone?: string }): Promise<ProgressDto> {
  const app = await repo.findApplicationByNumber(db, q.number);
  if (!app || app.parentId) throw NOT_FOUND();
  const byCode = !!q.checkCode && sameText(q.checkCode, app.checkCode);
  const phone = q.phone ? normalizePhone(q.phone) : null;
  const byPhone = !!phone && !!app.phoneHash && lookupHash(keys, 'phone', phone) === app.phoneHash;
  if (!byCode && !byPhone) throw NOT_FOUND();
  return progressOf(db, app);
}

/** The progress of an enterprise's own application, for the enterprise signed in on the portal. */
export async function getOwnProgress(db: Db, uscc: string, id: string): Promise<OwnProgressDto> {
  const app = await repo.findApplication(db, id);
  if (!app || app.parentId || app.uscc !== uscc) throw new AppError('NOT_FOUND', '未找到该办件');
  const materials = await repo.listMaterials(db, app.id);
  return {
    ...(await progressOf(db, app)),
    id: app.id,
    channel: app.channel,
    checkCode: app.checkCode,
    materials: materials.map((m) => ({ key: m.key, name: m.name, importance: m.importance, status: m.status, problem: m.problem, requirement: m.requirement })),
  };
}

/** Number, name and state of applications by id (other modules list the applications they started). */
export async function applicationStates(db: DbOrTx, ids: string[]): Promise<Map<string, ApplicationStateDto>> {
  const rows = await repo.findApplicationsByIds(db, ids);
  return new Map(
    rows.map((app) => {
      const state = app.state as ApplicationState;
      return [
        app.id,
        {
          id: app.id,
          number: app.number,
          name: app.name,
          state,
          stateLabel: STATES[state].label,
          isFinished: STATES[state].isTerminal,
          isUnsuccessful: UNSUCCESSFUL.includes(state),
          receivedOn: businessToday(app.receivedAt),
          dueDate: app.dueDate,
        },
      ];
    }),
  );
}

/** Ended without the applicant getting what it asked for: it may apply again. */
const UNSUCCESSFUL: readonly ApplicationState[] = ['declined', 'rejected', 'stopped', 'revoked'];

async function progressOf(db: Db, app: repo.ApplicationRow): Promise<ProgressDto> {
  const names = new Map((await listDepartments(db, app.centerId)).map((d) => [d.id, d.name]));
  const children = app.kind === 'bundle' ? await repo.listChildren(db, app.id) : [];
  const events = await repo.listEvents(db, [app.id, ...children.map((c) => c.id)]);
  const childNames = new Map(children.map((c) => [c.id, c.name]));
  const notices = await repo.listNotices(db, [app.id]);
  const steps = events
    .map((e) => {
      const text = portalText(e.action as ApplicationAction, { note: e.note, department: e.departmentId ? (names.get(e.departmentId) ?? '') : '', toState: e.toState as ApplicationState, isOnline: app.channel === 'online' });
      if (!text) return null;
      const child = childNames.get(e.applicationId);
      return { at: e.at.toISOString(), title: child ? `${child}：${text.title}` : text.title, text: text.text };
    })
    .filter((s): s is { at: string; title: string; text: string } => s !== null);
  const state = app.state as ApplicationState;
  return {
    number: app.number,
    name: app.name,
    applicantName: app.applicantName,
    state,
    stateLabel: STATES[state].label,
    receivedOn: businessToday(app.receivedAt),
    acceptedOn: app.acceptedAt ? app.clockStartOn : null,
    dueDate: app.dueDate,
    summary: summaryOf(app, state),
    steps,
    children: children.map((c) => ({ name: c.name, stateLabel: STATES[c.state as ApplicationState].label })),
    notices: notices.map((n) => ({ title: n.title, number: n.number, issuedAt: n.issuedAt.toISOString() })),
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase());
  const y = Buffer.from(b.toUpperCase());
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function summaryOf(app: repo.ApplicationRow, state: ApplicationState): string {
  switch (state) {
    case 'received':
      return '窗口已收件，正在核验材料。';
    case 'awaiting_supplement':
      return '材料需要补正，请按《补正材料告知书》一次性补齐后到窗口提交。';
    case 'supplement_approval':
      return '窗口正在处理补正事宜，请留意通知。';
    case 'declined':
      return '申请不予受理，理由见《不予受理通知书》。';
    case 'in_review':
    case 'lead_decision':
      return `审批部门正在审查，承诺 ${app.dueDate ? chineseDate(app.dueDate) : ''}前办结。`;
    case 'review_supplement':
      return '审查中需要补正材料，补正期间不计时，请按告知书补齐。';
    case 'special_procedure':
      return '正在进行专家评审、听证或现场核查等特别程序，期间不计入办结时限。';
    case 'approved':
    case 'rejected':
      return '已办结，请凭取件码到综合发证窗口领取结果，或申请邮寄送达。';
    case 'delivering':
      return '办件结果已寄出，请留意签收。';
    case 'delivered':
      return '已办结并送达。';
    case 'stopped':
      return '容缺材料逾期未补齐，已终止办理。';
    case 'revoked':
      return '许可决定已撤销。';
    default:
      return assertNever(state);
  }
}

/** Each action as the applicant reads it; null: internal work the applicant does not need to see. */
export function portalText(action: ApplicationAction, x: { note: string; department: string; toState: ApplicationState; isOnline?: boolean }): { title: string; text: string } | null {
  switch (action) {
    case 'receive':
      return x.isOnline ? { title: '网上申报', text: '已收到您在网上提交的申请和材料，等待窗口核验。' } : { title: '收件', text: '综合受理窗口已收到您的申请材料。' };
    case 'accept':
      return { title: '受理', text: '申请材料齐全，已受理。' };
    case 'accept_with_deferral':
      return { title: '容缺受理', text: `已容缺受理。${x.note}` };
    case 'request_supplement':
    case 'approve_supplement':
    case 'approve_review_supplement':
    case 'return_for_supplement':
      return { title: '补正告知', text: '需要补正材料，已一次性告知需补正的全部内容。' };
    case 'resubmit':
    case 'supplement_received':
      return { title: '收到补正材料', text: '已收到您补正的材料。' };
    case 'decline':
      return { title: '不予受理', text: x.note ? `不予受理：${x.note}` : '不予受理。' };
    case 'flag_notice_overdue':
      return { title: '视为受理', text: '中心未在 5 个工作日内出具书面告知，依法自收件之日起视为受理。' };
    case 'approve':
      return x.toState === 'approved'
        ? { title: '准予许可', text: `${x.department || '审批部门'}审查通过，作出准予许可决定。` }
        : { title: '审查通过', text: `${x.department || '审批部门'}审查通过，等待其他部门审查。` };
    case 'reject':
      return x.toState === 'rejected'
        ? { title: '不予许可', text: `${x.department || '审批部门'}审查未通过，作出不予许可决定。` }
        : { title: '审查意见', text: `${x.department || '审批部门'}审查未通过，由牵头部门决定。` };
    case 'start_special_procedure':
      return { title: '特别程序', text: '进入特别程序，期间不计入办结时限。' };
    case 'end_special_procedure':
      return { title: '特别程序结束', text: '特别程序结束，恢复计时。' };
    case 'uphold_rejection':
      return { title: '不予许可', text: '牵头部门决定不予许可。' };
    case 'return_to_review':
      return { title: '重新审查', text: '牵头部门要求重新审查。' };
    case 'children_changed':
      return { title: '一件事办结', text: x.note };
    case 'supply_deferred':
      return { title: '容缺材料补齐', text: '容缺材料已补齐。' };
    case 'expire_deferral':
      return { title: '终止办理', text: '容缺材料逾期未补齐，终止办理。' };
    case 'hand_over':
      return { title: '已领取', text: '已在综合发证窗口领取办件结果。' };
    case 'mail':
      return { title: '已寄出', text: x.note };
    case 'pickup_from_locker':
      return { title: '已自取', text: '已在 24 小时自助服务区的智能柜取走办件结果。' };
    case 'confirm_delivery':
      return { title: '已签收', text: '邮寄的办件结果已签收。' };
    case 'deliver_electronically':
      return { title: '电子送达', text: '办件结果已电子送达，电子证照已归集至电子证照库。' };
    case 'find_false_commitment':
      return { title: '撤销许可', text: '经核查承诺不实，许可决定已撤销。' };
    case 'verify_commitment':
      return { title: '承诺核查', text: '告知承诺经核查属实。' };
    case 'record_material':
      return x.note.startsWith('网上补交') ? { title: '补交材料', text: x.note } : null;
    case 'refuse_supplement':
    case 'refuse_review_supplement':
    case 'take':
    case 'reassign':
    case 'accept_with_bundle':
    case 'decline_with_bundle':
    case 'deliver_with_bundle':
    case 'flag_verification_overdue':
      return null;
    default:
      return assertNever(action);
  }
}
