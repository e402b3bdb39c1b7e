import type { Principal } from '../../../platform/auth/principal.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import { describeFiles } from '../../../platform/files/service.ts';
import { encryptField, lookupHash, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { resolvePortalCenter } from '../../catalog/service.ts';
import { getCounter } from '../../venue/service.ts';
import { getDepartment, getStaff, listStaff } from '../../staff/service.ts';
import type { CaseInput } from './contract.ts';
import { DEFAULT_DUE_DAYS, FEEDBACK_KINDS, PUBLIC_CHANNELS, type FeedbackKind } from './kinds.ts';
import * as repo from './repository.ts';
import type { ServiceDeps } from './scope.ts';

/** The working days each kind allows at a center: its own settings over the defaults of FACTS §7. */
export async function dueDaysOf(db: DbOrTx, centerId: string): Promise<Record<FeedbackKind, number>> {
  const rows = await repo.listDueDays(db, centerId);
  const result = { ...DEFAULT_DUE_DAYS };
  for (const r of rows) if ((FEEDBACK_KINDS as readonly string[]).includes(r.kind)) result[r.kind as FeedbackKind] = r.workingDays;
  return result;
}

export async function setDueDays(db: Db, centerId: string, dueDays: Partial<Record<FeedbackKind, number>>): Promise<{ dueDays: Record<FeedbackKind, number> }> {
  await db.transaction(async (tx) => {
    for (const [kind, days] of Object.entries(dueDays)) if (days !== undefined) await repo.upsertDueDays(tx, centerId, kind, days);
  });
  return { dueDays: await dueDaysOf(db, centerId) };
}

const isMobile = (phone: string | null): phone is string => phone !== null && /^1\d{10}$/.test(phone);

/**
 * Records a case from any channel. Staff record what came on site, by phone, letter, 12345…;
 * the portal and the kiosk take a logged-in enterprise's case or anyone's who leaves a mobile
 * number (they follow it by number and phone or credit code). The due date counts working days
 * from the day received.
 */
export async function fileCase(deps: ServiceDeps, principal: Principal | null, input: CaseInput, now = new Date()) {
  const staff = principal?.type === 'staff' ? principal : null;
  const enterprise = principal?.type === 'enterprise' ? principal : null;
  if (!staff && !PUBLIC_CHANNELS.includes(input.channel)) throw invalidField('channel', '网上和自助终端提交的诉求，渠道应为“网上”或“自助终端”');
  if (staff && !staff.permissions.has('feedback.intake')) throw new AppError('FORBIDDEN', '您没有登记诉求的权限');
  const centerId = staff ? staff.centerId : await resolvePortalCenter(deps.db, input.centerId);
  if (!centerId) throw invalidField('centerId', '请先为您的账号设置所属中心');
  if (staff && input.centerId && input.centerId !== centerId) throw invalidField('centerId', '只能登记本中心的诉求');

  if (input.kind !== 'complaint' && input.complaintScope) throw invalidField('complaintScope', '只有投诉需要区分投诉范围');
  if (input.kind !== 'unresolved' && input.cause) throw invalidField('cause', '只有办不成事需要填写原因');

  const contact = input.contact ?? {};
  const phone = contact.phone ? normalizePhone(contact.phone) : null;
  if (contact.phone && !isMobile(phone)) throw new AppError('PHONE_INVALID', '联系电话应为 11 位手机号码', [{ field: 'contact.phone', message: '手机号码格式不正确' }]);
  const uscc = enterprise?.uscc ?? contact.uscc ?? null;
  if (!staff && !phone && !enterprise) throw invalidField('contact.phone', '请留下手机号码，以便查询办理情况和接收答复');
  if (input.isConfidential && !phone && !uscc && !contact.name) throw invalidField('contact', '保密投诉也需留下联系方式，仅投诉处理人员可见');

  const subject = await subjectOf(deps.db, centerId, { ...pick(input), ...input.subject }, input.kind);
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length) {
    const found = await describeFiles(deps.db, attachmentIds);
    if (found.length !== new Set(attachmentIds).size) throw invalidField('attachmentIds', '附件不存在，请重新上传');
  }

  const keys = personalDataKeys(deps.config);
  const dueDays = await dueDaysOf(deps.db, centerId);
  const calendar = await loadCalendar(deps.db);
  const today = businessToday(now);
  const dueOn = calendar.addWorkingDays(today, dueDays[input.kind]);

  return deps.db.transaction(async (tx) => {
    const seq = await repo.nextNumber(tx, centerId, today);
    const number = `SQ${today.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
    const row = await repo.insertCase(tx, {
      centerId,
      number,
      kind: input.kind,
      channel: input.channel,
      state: 'received',
      uscc,
      enterpriseName: enterprise?.name ?? contact.enterpriseName ?? '',
      personName: contact.name ?? '',
      phoneCipher: phone ? encryptField(keys, 'phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      phoneHash: phone ? lookupHash(keys, 'phone', phone) : null,
      isConfidential: input.isConfidential,
      complaintScope: input.complaintScope ?? null,
      cause: input.kind === 'unresolved' ? (input.cause ?? 'other') : null,
      ...subject,
      content: input.content,
      attachmentIds,
      recordedBy: staff?.id ?? null,
      receivedAt: now,
      dueOn,
    });
    await repo.insertEvent(tx, {
      caseId: row.id,
      action: 'receive',
      actorName: staff ? staff.displayName : '诉求人',
      actorId: staff?.id ?? null,
      note: '',
      at: now,
    });
    return { id: row.id, number: row.number, dueOn: row.dueOn, state: 'received' as const };
  });
}

function pick(input: CaseInput) {
  const { departmentId, counterId, staffId, itemName, applicationNumber, ticketNumber } = input;
  return { departmentId, counterId, staffId, itemName, applicationNumber, ticketNumber };
}

type Subject = ReturnType<typeof pick>;

/**
 * The subject checked against the center. A counter named alone stands for the staff member on
 * it when there is exactly one (a complaint about "counter 3's clerk"); the department follows
 * from the counter or the staff member when not named.
 */
async function subjectOf(db: Db, centerId: string, s: Subject, kind: FeedbackKind) {
  let departmentId = s.departmentId ?? null;
  let staffId = s.staffId ?? null;
  const counterId = s.counterId ?? null;
  if (departmentId) {
    const department = await getDepartment(db, departmentId).catch(() => null);
    if (!department || department.centerId !== centerId) throw invalidField('departmentId', '部门不是本中心的进驻部门');
  }
  if (counterId) {
    const counter = await getCounter(db, counterId).catch(() => null);
    if (!counter || counter.centerId !== centerId) throw invalidField('counterId', '窗口不属于本中心');
    if (!staffId && (kind === 'complaint' || kind === 'report')) {
      const onCounter = (await listStaff(db, { centerId })).filter((p) => p.counterId === counterId && p.isActive);
      if (onCounter.length === 1) staffId = onCounter[0]!.id;
    }
    departmentId ??= counter.departmentId;
  }
  if (staffId) {
    const person = await getStaff(db, staffId).catch(() => null);
    if (!person || person.centerId !== centerId) throw invalidField('staffId', '工作人员不是本中心人员');
    departmentId ??= person.departmentId;
  }
  return {
    departmentId,
    counterId,
    staffId,
    itemName: s.itemName ?? '',
    applicationNumber: s.applicationNumber ?? '',
    ticketNumber: s.ticketNumber ?? '',
  };
}
