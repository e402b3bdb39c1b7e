import crypto from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { issueLicense, listLicenseTypes } from '../../licenses/service.ts';
import type { LicenseDto, LicenseTypeDto } from '../../licenses/contract.ts';
import { findEnterpriseByUscc } from '../../enterprises/service.ts';
import type { ActionContext } from '../actions.ts';
import { issue, notifyApplicant } from '../decisions/common.ts';
import * as deliveryRepo from '../delivery/repository.ts';
import { decisionNotice, pickupNotice } from '../notices/documents.ts';
import type * as repo from '../repository.ts';
import * as reviewRepo from './repository.ts';

/**
 * The decision on an application: the decision document (signed by the department), the result
 * put into the e-license library, the commitment's verification task, and — for what the
 * applicant collects — the pickup code and its notice (综合窗口出件).
 */

export type DecisionInput = { isApproved: boolean; opinion: string; licenseTypeCode?: string | null; licenseSite?: string };

export async function recordDecision(ctx: ActionContext, input: DecisionInput): Promise<repo.ApplicationPatch> {
  const app = ctx.app;
  let license: LicenseDto | null = null;
  if (input.isApproved) license = await issueResultLicense(ctx, input.licenseTypeCode, input.licenseSite);
  await issue(ctx, 'decision', (f) =>
    decisionNotice(f, { isApproved: input.isApproved, opinion: input.opinion, decidedOn: ctx.today, license: license ? { typeName: license.type.name, number: license.number } : null }),
  );
  if (input.isApproved && app.isCommitment) {
    await reviewRepo.insertVerification(ctx.tx, {
      applicationId: app.id,
      departmentId: app.departmentId,
      dueDate: ctx.calendar.addWorkingDays(ctx.today, ctx.deps.config.COMMITMENT_VERIFICATION_DAYS),
    });
  }
  const patch: repo.ApplicationPatch = {
    decision: input.isApproved ? 'approved' : 'rejected',
    decidedAt: ctx.now,
    decidedOn: ctx.today,
    decisionOpinion: input.opinion,
    licenseId: license?.id ?? null,
  };
  if (!app.parentId) {
    const results = [`${input.isApproved ? '准予' : '不予'}许可决定书（${app.name}）`, ...(license ? [`${license.type.name}（编号 ${license.number}）`] : [])];
    const code = await prepareDelivery(ctx, app, results);
    await notifyApplicant(ctx, 'application_decided', { result: input.isApproved ? '准予许可' : '不予许可', pickup: `取件码 ${code}，请到综合发证窗口领取，或申请邮寄。` });
  }
  return patch;
}

/** A pickup code and its notice for a decided application (a single item, or a whole bundle). */
export async function prepareDelivery(ctx: ActionContext, app: repo.ApplicationRow, results: string[]): Promise<string> {
  const pickupCode = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await deliveryRepo.insertDelivery(ctx.tx, { applicationId: app.id, method: 'counter', pickupCode, state: 'awaiting_pickup', createdAt: ctx.now });
  await issue(ctx, 'pickup', (f) => pickupNotice(f, { pickupCode, results }), app);
  return pickupCode;
}

/**
 * The result into the e-license library (电子证照同步制发). The type is the one named, else the
 * one whose name matches the item (食品经营许可 → 食品经营许可证); none when nothing matches.
 * It replaces the holder's current license of the type (变更、延续); a type issued per site
 * needs the site, and replaces only the license of that site.
 */
async function issueResultLicense(ctx: ActionContext, code: string | null | undefined, site: string | undefined): Promise<LicenseDto | null> {
  if (code === null) return null;
  const types = (await listLicenseTypes(ctx.tx)).filter((t) => t.isActive);
  const type = code === undefined ? suggestLicenseType(ctx.app.name, types) : types.find((t) => t.code === code);
  if (!type) {
    if (code === undefined) return null;
    throw new AppError('VALIDATION_FAILED', `电子证照类型“${code}”不存在或已停用`, [{ field: 'licenseTypeCode', message: '证照类型不存在' }]);
  }
  if (!(await findEnterpriseByUscc(ctx.tx, ctx.app.uscc))) {
    if (code === undefined) return null;
    throw new AppError('VALIDATION_FAILED', '申请人不在企业库中，无法归集电子证照', [{ field: 'licenseTypeCode', message: '申请人未登记' }]);
  }
  if (type.isPerSite && !site) {
    throw new AppError('VALIDATION_FAILED', `“${type.name}”按经营场所分别核发，请填写经营场所`, [{ field: 'licenseSite', message: '必填' }]);
  }
  return issueLicense(ctx.tx, {
    type: { code: type.code },
    holder: { uscc: ctx.app.uscc },
    validFrom: ctx.today,
    applicationRef: ctx.app.number,
    ...(type.isPerSite ? { site } : {}),
  });
}

export function suggestLicenseType(itemName: string, types: readonly LicenseTypeDto[]): LicenseTypeDto | undefined {
  const base = itemName.replace(/(核发|审批|办理|申请)$/, '');
  const names = new Set([itemName, `${itemName}证`, `${itemName}证书`, base, `${base}证`]);
  return types.find((t) => names.has(t.name));
}

