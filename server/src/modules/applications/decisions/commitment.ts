import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordCreditEntry } from '../../enterprises/service.ts';
import { getLicense, revokeLicense } from '../../licenses/service.ts';
import { getDepartment } from '../../staff/service.ts';
import { runAction, type ServiceDeps } from '../actions.ts';
import { revocationNotice } from '../notices/documents.ts';
import * as reviewRepo from '../review/repository.ts';
import { issue, requireDepartment } from './common.ts';

/**
 * A.4 after the decision: the department checks the promise by the verification's due date.
 * A promise found false revokes the decision (and the e-license) and writes a credit record,
 * which bars the commitment route until the record is repaired.
 */
export async function verifyCommitment(deps: ServiceDeps, reviewer: StaffPrincipal, input: { id: string; version: number; isTrue: boolean; note: string; now?: Date }) {
  const action = input.isTrue ? 'verify_commitment' : 'find_false_commitment';
  await runAction(deps, { applicationId: input.id, action, performer: { kind: 'staff', principal: reviewer }, version: input.version, now: input.now }, async (ctx) => {
    requireDepartment(ctx, ctx.app.departmentId, '只有审批部门可以核查承诺');
    const verification = await reviewRepo.findVerification(ctx.tx, ctx.app.id);
    if (!verification || verification.state !== 'pending') throw new AppError('INVALID_STATE', '本办件没有待核查的告知承诺');
    await reviewRepo.updateVerification(ctx.tx, ctx.app.id, {
      state: input.isTrue ? 'confirmed' : 'false',
      verifiedByName: reviewer.displayName,
      verifiedAt: ctx.now,
      note: input.note,
    });
    if (input.isTrue) return { to: 'unchanged', note: `承诺核查属实：${input.note}` };

    let licenseNumber: string | null = null;
    if (ctx.app.licenseId) {
      const license = await getLicense(ctx.tx, ctx.app.licenseId);
      licenseNumber = license.number;
      if (license.status !== 'revoked') await revokeLicense(ctx.tx, license.id, { reason: `虚假承诺，撤销许可（办件 ${ctx.app.number}）`, version: license.version, by: reviewer.displayName });
    }
    const department = await getDepartment(ctx.tx, ctx.app.departmentId);
    await recordCreditEntry(ctx.tx, { uscc: ctx.app.uscc }, {
      kind: 'false_commitment',
      source: department.name,
      sourceReference: ctx.app.number,
      description: `告知承诺核查不实：${input.note}`,
      recordedOn: ctx.today,
      recordedBy: reviewer.displayName,
    });
    await issue(ctx, 'revocation', (f) => revocationNotice(f, { note: input.note, revokedOn: ctx.today, licenseNumber }));
    return { to: 'revoked', patch: { closedReason: `虚假承诺：${input.note}` }, note: `承诺不实，撤销许可决定：${input.note}` };
  });
}
