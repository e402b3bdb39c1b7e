import type { z } from 'zod';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { countWorkingDays, dueDate } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField } from '../../platform/errors.ts';
import { encryptField, maskIdNumber, personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { getApplicationDetail, receiveApplication } from '../applications/service.ts';
import { checkResidentId } from '../enterprises/people/resident-id.ts';
import { getDepartment, getStaff } from '../staff/service.ts';
import type { activityBody, agreementBody, fileApplicationBody, materialBody } from './contract.ts';
import * as repo from './repository.ts';
import { runAction } from './requests.ts';
import { ACTIVITY_LABELS, type ServiceDeps } from './views.ts';

/** The agent's actions on a request (6.2.1); each through `runAction`, one transaction with its timeline entry. */

type Input = { id: string; version: number; now?: Date };
const staffWho = (principal: StaffPrincipal) => ({ kind: 'staff' as const, principal });

/** 受理: the agent takes the request (a manager may assign another agent of the center). */
export async function acceptRequest(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { agentId?: string }) {
  const agentId = input.agentId ?? principal.id;
  if (agentId !== principal.id && !principal.permissions.has('agency.manage')) throw forbidden('只有中心管理人员可以指派其他代办人员');
  return runAction(deps, staffWho(principal), input, 'accept', async ({ tx, row }) => {
    const agent = await getStaff(tx as unknown as Db, agentId).catch(() => null);
    if (!agent || agent.centerId !== row.centerId || !agent.isActive || !(agent.roles.includes('agency_agent') || agent.roles.includes('center_manager'))) {
      throw invalidField('agentId', '代办人员应为本中心在岗的帮办代办人员');
    }
    return { to: 'accepted', patch: { agentId: agent.id, agentName: agent.displayName }, note: `代办人员：${agent.displayName}` };
  });
}

export async function declineRequest(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { reason: string }) {
  return runAction(deps, staffWho(principal), input, 'decline', () => ({ to: 'declined', patch: { reason: input.reason }, note: input.reason }));
}

export async function withdrawByStaff(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { reason: string }) {
  return runAction(deps, staffWho(principal), input, 'withdraw', () => ({ to: 'withdrawn', patch: { reason: input.reason }, note: input.reason }));
}

/**
 * 委托代办协议: the scope and the enterprise's signed authorisation (who signed, their ID — kept
 * encrypted, shown masked — and when). Without the authorisation: AUTHORISATION_REQUIRED.
 */
export async function signAgreement(deps: ServiceDeps, principal: StaffPrincipal, input: Input & z.output<typeof agreementBody>) {
  const auth = input.authorisation;
  if (!auth || !auth.isSigned) {
    throw new AppError('AUTHORISATION_REQUIRED', '委托代办协议须有企业的授权签字：请登记签字人、身份证号和签字日期', [{ field: 'authorisation', message: '企业尚未签字授权' }]);
  }
  return runAction(deps, staffWho(principal), input, 'sign', ({ row, today }) => {
    const id = checkResidentId(auth.signerIdNumber, today);
    if (!id.valid) throw new AppError('ID_NUMBER_INVALID', `签字人身份证号不正确：${id.reason}`, [{ field: 'authorisation.signerIdNumber', message: id.reason }]);
    if (auth.signedOn > today) throw new AppError('DATE_INVALID', '签字日期不能晚于今天', [{ field: 'authorisation.signedOn', message: '签字日期不能晚于今天' }]);
    if (auth.signedOn < row.requestedOn) throw new AppError('DATE_INVALID', '签字日期不能早于申请日期', [{ field: 'authorisation.signedOn', message: '签字日期不能早于申请日期' }]);
    return {
      to: 'signed',
      patch: {
        agreementNumber: `${row.number}-XY`,
        agreementScope: input.scope,
        signerName: auth.signerName,
        signerIdCipher: encryptField(personalDataKeys(deps.config), 'id_number', id.idNumber),
        signerIdMasked: maskIdNumber(id.idNumber),
        signedOn: auth.signedOn,
        agreementFileId: null,
      },
      note: `签字人：${auth.signerName}（${maskIdNumber(id.idNumber)}），${auth.signedOn}`,
    };
  });
}

/** 接收材料: a material handed over by the enterprise, logged in. */
export async function receiveMaterial(deps: ServiceDeps, principal: StaffPrincipal, input: Input & z.output<typeof materialBody>) {
  return runAction(deps, staffWho(principal), input, 'receive_material', async ({ tx, row, now, byName }) => {
    await repo.insertMaterial(tx, { requestId: row.id, name: input.name, copies: input.copies, isOriginal: input.isOriginal, receivedAt: now, receivedBy: byName });
    return { note: `${input.name} ${input.copies} 份${input.isOriginal ? '（原件）' : ''}` };
  });
}

/** 退还材料: each material is returned once; a second return → ALREADY_RETURNED. */
export async function returnMaterial(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { materialId: string }) {
  return runAction(deps, staffWho(principal), input, 'return_material', async ({ tx, row, now, byName }) => {
    const material = await repo.findMaterial(tx, row.id, input.materialId);
    if (!material) throw invalidField('materialId', '该材料不属于本代办申请');
    if (material.returnedAt || !(await repo.returnMaterial(tx, row.id, material.id, now, byName))) {
      throw new AppError('ALREADY_RETURNED', `“${material.name}”已于 ${material.returnedAt?.toISOString().slice(0, 10) ?? ''} 退还，不能重复退还`, [{ field: 'materialId', message: '材料已退还' }]);
    }
    return { note: `${material.name} ${material.copies} 份已退还企业` };
  });
}

/** 代办活动: a visit, a talk, a phone call or coordination with a department. */
export async function recordActivity(deps: ServiceDeps, principal: StaffPrincipal, input: Input & z.output<typeof activityBody>) {
  return runAction(deps, staffWho(principal), input, 'activity', async ({ tx, row }) => {
    let department = '';
    if (input.departmentId) {
      const d = await getDepartment(tx, input.departmentId).catch(() => null);
      if (!d || d.centerId !== row.centerId) throw invalidField('departmentId', '部门不是本中心的进驻部门');
      department = `（${d.name}）`;
    }
    if (input.kind === 'coordination' && !input.departmentId) throw invalidField('departmentId', '联动协调请选择协调的部门');
    return { to: 'in_progress', note: `${ACTIVITY_LABELS[input.kind]}${department}：${input.note}`, event: { activityKind: input.kind, departmentId: input.departmentId ?? null } };
  });
}

/**
 * 代企业申报: the agent files the application through the applications module's intake, for the
 * request's enterprise; the application records the agent (帮办代办人) and this request.
 */
export async function fileApplication(deps: ServiceDeps, principal: StaffPrincipal, input: Input & z.output<typeof fileApplicationBody>): Promise<{ applicationId: string }> {
  let applicationId = '';
  await runAction(deps, staffWho(principal), input, 'file_application', async ({ tx, row, now }) => {
    if (row.centerId !== principal.centerId) throw forbidden('只能为本中心的代办申请申报');
    const scoped = { ...deps, db: tx as unknown as Db };
    applicationId = await receiveApplication(scoped, principal, { ...input.intake, applicant: { uscc: row.uscc, name: row.enterpriseName }, fromCurrentTicket: false }, now, { agencyRequestId: row.id });
    const app = await getApplicationDetail(scoped, principal, applicationId);
    return { to: 'in_progress', note: `${app.name}（办件编号 ${app.number}）`, event: { activityKind: 'application', applicationId } };
  });
  return { applicationId };
}

/** 办结: the result recorded once every material handed over is back with the enterprise; the follow-up falls due N working days later. */
export async function finishRequest(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { result: string }) {
  return runAction(deps, staffWho(principal), input, 'finish', async ({ tx, row, today }) => {
    const kept = (await repo.listMaterials(tx, [row.id])).filter((m) => !m.returnedAt);
    if (kept.length > 0) {
      throw new AppError('MATERIALS_NOT_RETURNED', `还有 ${kept.length} 份材料未退还企业（${kept.map((m) => m.name).join('、')}），请先退还再办结`, [{ field: 'materials', message: '材料未退还' }]);
    }
    const days = await repo.followUpDaysOf(tx, row.centerId);
    return {
      to: 'done',
      patch: { result: input.result, doneOn: today, daysTaken: await countWorkingDays(tx, row.requestedOn, today), followUpDue: await dueDate(tx, today, days) },
      note: input.result,
    };
  });
}

/** 回访: after done (or the enterprise's confirmation), with the enterprise's satisfaction; before done → INVALID_STATE. */
export async function followUp(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { note: string; satisfaction: number }) {
  return runAction(deps, staffWho(principal), input, 'follow_up', ({ today }) => ({
    to: 'followed_up',
    patch: { followedUpOn: today, followUpNote: input.note, satisfaction: input.satisfaction },
    note: `满意度 ${input.satisfaction}/5：${input.note}`,
  }));
}
