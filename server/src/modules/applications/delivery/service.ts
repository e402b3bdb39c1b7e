import crypto from 'node:crypto';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { encryptField, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { applyAction, runAction, SYSTEM, type ActionContext, type ServiceDeps } from '../actions.ts';
import type { DeliveryDto } from '../contract.ts';
import { notifyApplicant } from '../decisions/common.ts';
import * as repo from '../repository.ts';
import { toSummary, viewOf } from '../summary.ts';
import * as deliveryRepo from './repository.ts';

/**
 * 综合发证 (6.1.3.2): results handed over at the counter against the pickup code, mailed with the
 * carrier and tracking number and then confirmed, or delivered electronically (the e-license is
 * already in the library). A bundle's results go out together, through one counter.
 */

const clerkOf = (principal: StaffPrincipal) => ({ kind: 'staff' as const, principal });

export async function handOver(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; pickupCode: string; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'hand_over', performer: clerkOf(clerk), version: input.version, now: input.now }, async (ctx) => {
    const delivery = await awaitingPickup(ctx);
    if (!delivery.pickupCode || !safeEqual(delivery.pickupCode, input.pickupCode)) {
      throw new AppError('PICKUP_CODE_WRONG', '取件码不正确，请核对《领取办件结果通知》上的 6 位取件码', [{ field: 'pickupCode', message: '取件码不正确' }]);
    }
    await deliveryRepo.updateDelivery(ctx.tx, ctx.app.id, { state: 'delivered', handledByName: clerk.displayName, deliveredAt: ctx.now });
    await cascade(ctx, 'delivered');
    return { to: 'delivered', patch: { deliveredAt: ctx.now }, note: '申请人在综合发证窗口领取结果' };
  });
}

export async function mailResult(
  deps: ServiceDeps,
  clerk: StaffPrincipal,
  input: { id: string; version: number; address: string; recipientName: string; recipientPhone: string; carrier: string; trackingNumber: string; now?: Date },
) {
  const phone = normalizePhone(input.recipientPhone);
  if (!phone) throw new AppError('PHONE_INVALID', '收件人电话不正确', [{ field: 'recipientPhone', message: '号码不正确' }]);
  await runAction(deps, { applicationId: input.id, action: 'mail', performer: clerkOf(clerk), version: input.version, now: input.now }, async (ctx) => {
    await awaitingPickup(ctx);
    await deliveryRepo.updateDelivery(ctx.tx, ctx.app.id, {
      method: 'mail',
      state: 'mailed',
      address: input.address,
      recipientName: input.recipientName,
      recipientPhoneCipher: encryptField(personalDataKeys(deps.config), 'phone', phone),
      recipientPhoneMasked: maskPhone(phone),
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      handledByName: clerk.displayName,
    });
    await cascade(ctx, 'delivering');
    await notifyApplicant(ctx, 'application_mailed', { carrier: input.carrier, tracking: input.trackingNumber });
    return { to: 'delivering', note: `由${input.carrier}寄出，运单号 ${input.trackingNumber}` };
  });
}

export async function confirmDelivery(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'confirm_delivery', performer: clerkOf(clerk), version: input.version, now: input.now }, async (ctx) => {
    await deliveryRepo.updateDelivery(ctx.tx, ctx.app.id, { state: 'delivered', deliveredAt: ctx.now });
    await cascade(ctx, 'delivered');
    return { to: 'delivered', patch: { deliveredAt: ctx.now }, note: '邮件已签收' };
  });
}

/** The applicant takes the result electronically: the e-license (and the decision document online) is the delivery. */
export async function deliverElectronically(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'deliver_electronically', performer: clerkOf(clerk), version: input.version, now: input.now }, async (ctx) => {
    await awaitingPickup(ctx);
    await deliveryRepo.updateDelivery(ctx.tx, ctx.app.id, { method: 'electronic', state: 'delivered', handledByName: clerk.displayName, deliveredAt: ctx.now });
    await cascade(ctx, 'delivered');
    return { to: 'delivered', patch: { deliveredAt: ctx.now }, note: '电子送达：结果已归集至电子证照库，决定书可在线查看' };
  });
}

async function awaitingPickup(ctx: ActionContext) {
  const delivery = await deliveryRepo.findDelivery(ctx.tx, ctx.app.id);
  if (!delivery || delivery.state !== 'awaiting_pickup') throw new AppError('INVALID_STATE', '该办件结果不在待领取状态');
  return delivery;
}

/** A bundle's children go with it. */
async function cascade(ctx: ActionContext, to: 'delivering' | 'delivered') {
  if (ctx.kind !== 'bundle') return;
  for (const child of await repo.listChildren(ctx.tx, ctx.app.id)) {
    if (!['approved', 'rejected', 'delivering'].includes(child.state) || child.state === to) continue;
    await applyAction(ctx.tx, ctx.deps, { applicationId: child.id, action: 'deliver_with_bundle', performer: SYSTEM, now: ctx.now }, async () => ({
      to,
      patch: to === 'delivered' ? { deliveredAt: ctx.now } : {},
      departmentId: child.departmentId,
    }));
  }
}

/** What the delivery counter has to hand over (awaiting pickup) or track (mailed). */
export async function listDeliveries(deps: ServiceDeps, clerk: StaffPrincipal, f: { state?: 'awaiting_pickup' | 'mailed'; q?: string }, now = new Date()) {
  if (!clerk.centerId) return [];
  const view = await viewOf(deps.db, clerk.centerId, now);
  const rows = await deliveryRepo.listOpenDeliveries(deps.db, clerk.centerId, f.state ? [f.state] : ['awaiting_pickup', 'mailed'], f.q);
  return rows.map((r) => ({ delivery: toDeliveryDto(r.delivery, { showCode: true }), application: toSummary(r.application, view) }));
}

export function toDeliveryDto(row: deliveryRepo.DeliveryRow, options: { showCode: boolean }): DeliveryDto {
  return {
    method: row.method,
    state: row.state,
    // the clerk asks the applicant for it: never shown to staff while the result waits at the counter
    pickupCode: options.showCode && row.state !== 'awaiting_pickup' ? row.pickupCode : null,
    address: row.address,
    recipientName: row.recipientName,
    recipientPhoneMasked: row.recipientPhoneMasked,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    handledByName: row.handledByName,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
