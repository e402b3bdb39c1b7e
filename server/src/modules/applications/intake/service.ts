import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { storeFile, type FilePolicy } from '../../../platform/files/service.ts';
import { encryptField, lookupHash, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { findEnterpriseByUscc, findOrCreatePerson, mayUseCommitment, mayUseDeferredMaterials } from '../../enterprises/service.ts';
import { assertRedeemedLicense } from '../../licenses/grants/service.ts';
import { getLicense } from '../../licenses/service.ts';
import { openTicketPhone } from '../../queue/service.ts';
import { ticketInHandOf } from '../../queue/tickets/service.ts';
import { getCenter } from '../../venue/service.ts';
import { delegatedIntake, recordPointReceipt } from '../../venue/points/service.ts';
import { actorFor, recordEvent, runAction, staleApplication, type Performer, type ServiceDeps } from '../actions.ts';
import type { IntakeBody, MaterialMark } from '../contract.ts';
import { commitmentLetter } from '../notices/documents.ts';
import { issueNotice, noticeFacts } from '../notices/service.ts';
import * as repo from '../repository.ts';
import { stagePlan } from '../review/schedule.ts';
import { requireTransition } from '../workflow/transition.ts';
import { bundleChecklist, itemChecklist } from './checklist.ts';
import { compactStages, resolveSource } from './source.ts';

/**
 * 收件 at the comprehensive counter (6.1.3, A.2): the clerk who receives is the first handler;
 * the checklist comes from the guide version in force and the situation answers.
 */

export const MATERIAL_POLICY: FilePolicy = { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * 1024 * 1024 };

/** 6.2.1: an agency agent files for the enterprise; the application records the agent and the agency request. */
export type OnBehalf = { agencyRequestId: string };

/** `within` runs in the same transaction once the application exists (跨域通办 records its hand-over there), so both are kept or neither. */
export async function receiveApplication(
  deps: ServiceDeps,
  clerk: StaffPrincipal,
  body: IntakeBody,
  now = new Date(),
  onBehalf: OnBehalf | null = null,
  within?: (tx: Tx, created: { id: string; number: string }) => Promise<void>,
): Promise<string> {
  const { db, config } = deps;
  if (!clerk.centerId) throw forbidden('您未被分配到服务中心，不能收件');
  requireTransition(body.source.kind === 'bundle' ? 'bundle' : 'single', null, 'receive', actorFor({ kind: 'staff', principal: clerk }, 'receive'));
  // 6.3.5 委托受理: at a nearby service point, an item delegated by the county belongs to the county (channel `nearby`).
  const nearby = body.source.kind === 'item' ? await delegatedIntake(db, clerk.centerId, body.source.code) : null;
  const center = await getCenter(db, nearby?.ownerCenterId ?? clerk.centerId);
  const channel = nearby ? 'nearby' : body.channel;
  const source = await resolveSource(db, center.id, body.source, body.answers);
  // The talent officer takes in talent items at the talent counter (6.2.3); every other item is the comprehensive counter's.
  if (!clerk.roles.includes('counter_clerk') && clerk.roles.includes('talent_officer') && (source.kind !== 'item' || source.guide.theme !== 'talent')) {
    const message = `人才服务窗口只收件人才服务类事项，“${source.name}”请引导至综合受理窗口`;
    throw new AppError('FORBIDDEN', message, [{ field: 'source.code', message }]);
  }

  if (body.isCommitment) {
    if (source.kind !== 'item' || !source.guide.commitment.isAllowed) {
      throw new AppError('COMMITMENT_NOT_ALLOWED', `“${source.name}”不适用告知承诺制，请按一般程序提交全部材料`, [{ field: 'isCommitment', message: '该事项不适用告知承诺制' }]);
    }
    const credit = await mayUseCommitment(db, { uscc: body.applicant.uscc });
    if (!credit.allowed) throw new AppError('CREDIT_BARRED', credit.reason, [{ field: 'isCommitment', message: '信用记录不适用告知承诺制' }]);
  }
  const enterprise = await findEnterpriseByUscc(db, body.applicant.uscc);
  const applicantName = enterprise?.name ?? body.applicant.name.trim();
  if (!applicantName) {
    throw new AppError('VALIDATION_FAILED', '该统一社会信用代码不在企业库中，请填写申请人名称', [{ field: 'applicant.name', message: '请填写申请人名称' }]);
  }
  const ticket = body.fromCurrentTicket ? await ticketInHandOf(db, clerk.id) : null;
  if (body.fromCurrentTicket && !ticket) throw new AppError('NO_CURRENT_TICKET', '您的窗口当前没有正在办理的号，请先叫号或选择直接收件');
  // The form shows the ticket's phone masked; left as it is, it stands for the number the visitor gave when taking it.
  const contactPhone = ticket?.phoneMasked && body.contactPhone === ticket.phoneMasked ? openTicketPhone(config, ticket.phoneCipher) : body.contactPhone;
  const rawPhone = body.agent?.phone || contactPhone;
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) throw new AppError('PHONE_INVALID', '手机号码不正确：应为 11 位手机号码或带区号的固定电话', [{ field: body.agent?.phone ? 'agent.phone' : 'contactPhone', message: '号码不正确' }]);

  const today = businessToday(now);
  const hasAgent = body.agent !== null;
  const keys = personalDataKeys(config);
  return db.transaction(async (tx) => {
    const agent = body.agent ? await findOrCreatePerson(tx, keys, { name: body.agent.name, idNumber: body.agent.idNumber, phone: body.agent.phone ? phone : null }, center.id) : null;
    const year = Number(today.slice(0, 4));
    const serial = await repo.nextCounter(tx, center.regionCode, year, 'application');
    const number = `${center.regionCode}-${year}-${String(serial).padStart(6, '0')}`;
    const common = {
      centerId: center.id,
      uscc: body.applicant.uscc,
      applicantName,
      enterpriseId: enterprise?.id ?? null,
      agentPersonId: agent?.id ?? null,
      agentName: agent?.name ?? '',
      phoneCipher: phone ? encryptField(keys, 'phone', phone) : null,
      phoneHash: phone ? lookupHash(keys, 'phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      channel,
      ticketId: ticket?.id ?? null,
      firstHandlerId: clerk.id,
      firstHandlerName: clerk.displayName,
      agencyStaffId: onBehalf ? clerk.id : null,
      agencyStaffName: onBehalf ? clerk.displayName : '',
      agencyRequestId: onBehalf?.agencyRequestId ?? null,
      answers: body.answers,
      state: 'received',
      receivedAt: now,
      lastReceivedOn: today,
      createdAt: now,
      updatedAt: now,
    } as const;
    let id: string;
    if (source.kind === 'item') {
      const lead = source.guide.jointReview.leadDepartmentId;
      id = await repo.insertApplication(tx, {
        ...common,
        number,
        kind: 'item',
        guideVersionId: source.versionId,
        code: source.code,
        name: source.name,
        departmentId: source.guide.departmentId,
        leadDepartmentId: source.guide.jointReview.group && lead && lead !== source.guide.departmentId ? lead : null,
        isCommitment: body.isCommitment,
        promisedDays: source.guide.promisedLimitDays,
      });
      await insertChecklist(tx, id, itemChecklist(source.guide, source.code, body.answers, { isCommitment: body.isCommitment, hasAgent }), clerk.displayName, now);
    } else {
      const members = compactStages(source.members);
      const plan = stagePlan(members.map((m) => ({ stage: m.stage, promisedDays: m.guide.promisedLimitDays })));
      id = await repo.insertApplication(tx, {
        ...common,
        number,
        kind: 'bundle',
        bundleVersionId: source.versionId,
        code: source.code,
        name: source.name,
        departmentId: source.guide.leadDepartmentId,
        leadDepartmentId: source.guide.leadDepartmentId,
        promisedDays: plan.totalDays,
      });
      await insertChecklist(tx, id, bundleChecklist(members, body.answers, { hasAgent }), clerk.displayName, now);
      const childSerial = await repo.nextCounter(tx, center.regionCode, year, 'application', members.length);
      for (const [i, m] of members.entries()) {
        await repo.insertApplication(tx, {
          ...common,
          number: `${center.regionCode}-${year}-${String(childSerial - members.length + 1 + i).padStart(6, '0')}`,
          kind: 'item',
          parentId: id,
          guideVersionId: m.versionId,
          code: m.code,
          name: m.guide.name,
          departmentId: m.guide.departmentId,
          leadDepartmentId: source.guide.leadDepartmentId,
          stage: m.stage,
          promisedDays: m.guide.promisedLimitDays,
        });
      }
    }
    if (within) await within(tx, { id, number });
    const app = (await repo.findApplication(tx, id))!;
    if (nearby) await recordPointReceipt(tx, { applicationId: id, centerId: clerk.centerId!, delegationId: nearby.delegationId, code: app.code, name: app.name, receivedAt: now });
    const performer: Performer = { kind: 'staff', principal: clerk };
    const ctx = { tx, app, performer, byName: clerk.displayName, now };
    await recordEvent(ctx, {
      action: 'receive',
      from: null,
      to: 'received',
      note: [ticket ? `由 ${ticket.displayNumber} 号收件` : '', onBehalf ? `帮办代办：${clerk.displayName} 代企业申报` : ''].filter(Boolean).join('；'),
      detail: { channel, ticketId: ticket?.id ?? null, guideVersionId: app.guideVersionId, bundleVersionId: app.bundleVersionId },
    });
    if (body.isCommitment && source.kind === 'item') {
      const facts = await noticeFacts(tx, app);
      await issueNotice(tx, {
        app,
        kind: 'commitment_letter',
        content: commitmentLetter(facts, { text: source.guide.commitment.text, certificates: source.guide.commitment.certificates, signedOn: today }),
        facts,
        today,
        now,
        issuedBy: clerk.displayName,
        isDemo: config.BANSHI_DEMO,
      });
    }
    return id;
  });
}

async function insertChecklist(tx: Parameters<typeof repo.insertMaterials>[0], applicationId: string, entries: ReturnType<typeof itemChecklist>, by: string, at: Date) {
  await repo.insertMaterials(
    tx,
    entries.map((e, position) => ({ applicationId, ...e, position, updatedBy: by, updatedAt: at })),
  );
}

/** What the ticket in hand says about the visitor, to pre-fill the intake form. */
export async function currentTicketPrefill(deps: ServiceDeps, clerk: StaffPrincipal) {
  const ticket = await ticketInHandOf(deps.db, clerk.id);
  if (!ticket) return null;
  return { ticketId: ticket.id, displayNumber: ticket.displayNumber, uscc: ticket.uscc, phone: ticket.phoneMasked, itemId: ticket.itemId };
}

/** The items received from the ticket in hand, to pre-fill what the clerk records as handled at 办结. */
export async function receivedFromTicketInHand(deps: ServiceDeps, clerk: StaffPrincipal) {
  const ticket = await ticketInHandOf(deps.db, clerk.id);
  return { ticketId: ticket?.id ?? null, items: ticket ? await repo.listItemsReceivedFromTicket(deps.db, ticket.id) : [] };
}

/** Who the applicant is, and which routes their credit allows, as the clerk types the code. */
export async function lookupApplicant(deps: ServiceDeps, uscc: string) {
  const found = await findEnterpriseByUscc(deps.db, uscc);
  return {
    uscc,
    name: found?.name ?? null,
    isRegistered: !!found,
    mayUseCommitment: await mayUseCommitment(deps.db, { uscc }),
    mayUseDeferredMaterials: await mayUseDeferredMaterials(deps.db, { uscc }),
  };
}

/** A material uploaded at the counter: its content is checked (PDF, JPG or PNG) and its size limited. */
export async function uploadMaterial(
  deps: ServiceDeps,
  clerk: StaffPrincipal,
  input: { applicationId: string; key: string; filename: string; content: Buffer; now?: Date },
): Promise<void> {
  await runAction(deps, { applicationId: input.applicationId, action: 'record_material', performer: { kind: 'staff', principal: clerk }, now: input.now }, async (ctx) => {
    const material = await materialOf(ctx.tx, input.applicationId, input.key);
    assertChangeable(ctx.app.state, material.status);
    const file = await storeFile(ctx.tx, {
      ...MATERIAL_POLICY,
      purpose: 'application_material',
      filename: input.filename,
      content: input.content,
      createdBy: clerk.displayName,
    });
    await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { status: 'uploaded', fileId: file.id, licenseId: null, problem: '', updatedBy: clerk.displayName, updatedAt: ctx.now });
    return { to: 'unchanged', note: `上传“${material.name}”`, detail: { key: input.key, fileId: file.id } };
  });
}

/** A material seen on paper, taken from the e-license library through a grant, found defective, or reset. */
export async function markMaterial(deps: ServiceDeps, clerk: StaffPrincipal, input: { applicationId: string; key: string; mark: MaterialMark; now?: Date }): Promise<void> {
  await runAction(deps, { applicationId: input.applicationId, action: 'record_material', performer: { kind: 'staff', principal: clerk }, now: input.now }, async (ctx) => {
    const material = await materialOf(ctx.tx, input.applicationId, input.key);
    assertChangeable(ctx.app.state, material.status);
    const base = { fileId: null, licenseId: null, problem: '', updatedBy: clerk.displayName, updatedAt: ctx.now };
    switch (input.mark.status) {
      case 'paper_seen':
        await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { ...base, status: 'paper_seen' });
        return { to: 'unchanged', note: `核验“${material.name}”纸质材料` };
      case 'missing':
        await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { ...base, status: 'missing' });
        return { to: 'unchanged', note: `“${material.name}”标记为未提交` };
      case 'defective':
        await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { ...base, status: 'defective', problem: input.mark.problem });
        return { to: 'unchanged', note: `“${material.name}”需补正：${input.mark.problem}` };
      case 'license': {
        await assertRedeemedLicense(ctx.tx, clerk.id, input.mark.grantId, input.mark.licenseId);
        const license = await getLicense(ctx.tx, input.mark.licenseId);
        if (material.licenseType && license.type.code !== material.licenseType) {
          throw new AppError('VALIDATION_FAILED', `所选证照是“${license.type.name}”，与材料“${material.name}”不符`, [{ field: 'licenseId', message: '证照类型不符' }]);
        }
        if (license.holder.uscc !== ctx.app.uscc) throw new AppError('VALIDATION_FAILED', '所选证照不属于申请人', [{ field: 'licenseId', message: '证照持有人不是申请人' }]);
        if (license.status !== 'valid') throw new AppError('VALIDATION_FAILED', '所选证照已过期或已注销', [{ field: 'licenseId', message: '证照无效' }]);
        await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { ...base, status: 'license', licenseId: license.id });
        return { to: 'unchanged', note: `“${material.name}”调取电子证照 ${license.number}`, detail: { key: input.key, licenseId: license.id } };
      }
    }
  });
}

async function materialOf(tx: Parameters<typeof repo.listMaterials>[0], applicationId: string, key: string) {
  const material = (await repo.listMaterials(tx, applicationId)).find((m) => m.key === key);
  if (!material) throw new AppError('NOT_FOUND', `本办件没有材料“${key}”`, [{ field: 'key', message: '材料不存在' }]);
  return material;
}

/** After acceptance only what is still owed may change (deferred, defective, missing): the accepted file stays as it was. */
function assertChangeable(state: string, status: string) {
  if (['received', 'awaiting_supplement', 'review_supplement'].includes(state)) {
    if (status === 'committed') throw new AppError('INVALID_STATE', '该材料已由告知承诺书代替，无需提交');
    return;
  }
  if (!['deferred', 'defective', 'missing'].includes(status)) throw new AppError('INVALID_STATE', '办件已受理，已收取的材料不能更改');
}

export { staleApplication };
