import crypto from 'node:crypto';
import type { StaffPrincipal } from '../../../../platform/auth/principal.ts';
import { isCenterInScope } from '../../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../../platform/errors.ts';
import { queueSms } from '../../../../platform/notifications/service.ts';
import { decryptField, maskPhone, normalizePhone, personalDataKeys } from '../../../../platform/personal-data/personal-data.ts';
import { getCenter } from '../../../venue/service.ts';
import { runAction, type ServiceDeps } from '../../actions.ts';
import * as appRepo from '../../repository.ts';
import * as deliveryRepo from '../repository.ts';
import type { DepositDto, LockerDto, PickupDto } from './contract.ts';
import * as repo from './repository.ts';

/**
 * Smart lockers (clause 7, 24-hour self-service): the delivery clerk puts a decided result in a
 * slot; a one-time six-digit code goes to the applicant by SMS (through the outbox); the locker,
 * proving itself with its device key, opens the slot for the code once, and the application is
 * delivered. Codes are kept hashed and never reissued at the same locker, so a used code is
 * recognised as used.
 */

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const hashCode = (lockerId: string, code: string) => crypto.createHash('sha256').update(`locker-code:${lockerId}:${code}`).digest('hex');
const newKey = () => crypto.randomBytes(24).toString('base64url');
/** Demo lockers have a public, derivable key so the demo can be tried (as the demo devices do). */
export const demoLockerKeyOf = (lockerId: string) => `demo-${crypto.createHash('sha256').update(`banshi-demo-locker:${lockerId}`).digest('hex').slice(0, 24)}`;
const slotNumbers = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1).padStart(2, '0'));

export async function listLockers(db: Db, centerId: string): Promise<LockerDto[]> {
  return Promise.all((await repo.listLockers(db, centerId)).map((l) => toDto(db, l)));
}

/** Registers a locker with its slots; its key is shown this once (a demo locker's is derivable). */
export async function registerLocker(
  db: DbOrTx,
  centerId: string,
  input: { name: string; location: string; slots: number },
  options: { isDemo?: boolean } = {},
): Promise<{ locker: LockerDto; key: string }> {
  await getCenter(db, centerId);
  if ((await repo.listLockers(db, centerId)).some((l) => l.name === input.name)) throw invalidField('name', '本中心已有同名智能柜');
  const id = crypto.randomUUID();
  const key = options.isDemo ? demoLockerKeyOf(id) : newKey();
  await repo.insertLocker(db, { id, centerId, name: input.name, location: input.location, keyHash: hashKey(key), isDemo: options.isDemo ?? false }, slotNumbers(input.slots));
  return { locker: await toDto(db, (await repo.findLocker(db, id))!), key };
}

/**
 * Puts a decided single application's result in a locker slot (the first free one unless named),
 * with a fresh code sent by SMS to the application's phone or the one given.
 */
export async function depositInLocker(
  deps: ServiceDeps,
  clerk: StaffPrincipal | { displayName: string; isDemo: true },
  input: { applicationId: string; version: number; lockerId: string; slotNumber?: string; phone?: string; now?: Date },
): Promise<DepositDto> {
  const now = input.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const app = await appRepo.lockApplication(tx, input.applicationId);
    if (!app || ('permissions' in clerk && !isCenterInScope(clerk, app.centerId))) throw notFound('办件');
    if (app.version !== input.version) throw new AppError('STALE_VERSION', '该办件已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    const delivery = await deliveryRepo.findDelivery(tx, app.id);
    if (app.parentId || app.kind === 'bundle' || !['approved', 'rejected'].includes(app.state) || delivery?.state !== 'awaiting_pickup') {
      throw new AppError('INVALID_STATE', '该办件结果不在待领取状态，不能放入智能柜');
    }
    if (await repo.findWaitingDeposit(tx, app.id)) throw new AppError('INVALID_STATE', '该办件结果已在智能柜中等待领取');
    const locker = await repo.findLocker(tx, input.lockerId);
    if (!locker || locker.centerId !== app.centerId || !locker.isActive) throw invalidField('lockerId', '智能柜不存在、已停用或不在本中心');
    const keys = personalDataKeys(deps.config);
    const phone = input.phone ? normalizePhone(input.phone) : app.phoneCipher ? decryptField(keys, 'phone', app.phoneCipher) : null;
    if (!phone) throw invalidField('phone', input.phone ? '手机号码格式不正确' : '该办件没有预留手机号码，请填写接收取件码的手机号码');
    const slots = await repo.listSlots(tx, locker.id);
    const slot = input.slotNumber ? slots.find((s) => s.number === input.slotNumber) : slots.find((s) => s.applicationNumber === null);
    if (input.slotNumber && !slot) throw invalidField('slotNumber', '该智能柜没有这个格口');
    if (!slot || slot.applicationNumber !== null) throw new AppError('LOCKER_SLOT_TAKEN', input.slotNumber ? `${input.slotNumber} 号格口已有待取件` : '该智能柜已无空闲格口', [{ field: 'slotNumber', message: '格口已占用' }]);
    let code = '';
    for (let i = 0; i < 20 && !code; i++) {
      const candidate = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await repo.codeTaken(tx, locker.id, hashCode(locker.id, candidate)))) code = candidate;
    }
    if (!code) throw new AppError('CONFLICT', '暂时无法生成取件码，请重试');
    const inserted = await repo.insertDeposit(tx, {
      centerId: app.centerId,
      lockerId: locker.id,
      slotId: slot.id,
      applicationId: app.id,
      codeHash: hashCode(locker.id, code),
      depositedByName: clerk.displayName,
      depositedAt: now,
    });
    if (!inserted) throw new AppError('LOCKER_SLOT_TAKEN', `${slot.number} 号格口刚被占用，请重试`, [{ field: 'slotNumber', message: '格口已占用' }]);
    const center = await getCenter(tx, app.centerId);
    await queueSms(tx, deps.config, {
      phone,
      template: 'application_in_locker',
      params: { center: center.name, item: app.name, number: app.number, locker: locker.name, location: locker.location || center.name, slot: slot.number, code },
      related: { type: 'application', id: app.id },
      centerId: app.centerId,
      dedupeKey: `application:${app.id}:locker:${now.getTime()}`,
    });
    return { lockerName: locker.name, location: locker.location, slotNumber: slot.number, phoneMasked: maskPhone(phone), depositedAt: now.toISOString() };
  });
}

/** The locker (by its key) opens the slot for a code, once; the application is then delivered. */
export async function pickupFromLocker(deps: ServiceDeps, deviceKey: string | undefined, code: string, now = new Date()): Promise<PickupDto & { applicationId: string }> {
  const locker = deviceKey ? await repo.findLockerByKey(deps.db, hashKey(deviceKey)) : undefined;
  if (!locker) throw new AppError('FORBIDDEN', '本智能柜未登记或已停用，不能开柜；请管理员核对设备密钥');
  const deposit = await repo.findDepositByCode(deps.db, locker.id, hashCode(locker.id, code));
  if (!deposit) throw new AppError('PICKUP_CODE_WRONG', '取件码不正确，请核对短信中的 6 位取件码', [{ field: 'code', message: '取件码不正确' }]);
  const used = () => new AppError('PICKUP_CODE_USED', '该取件码已使用过，结果已取走；如有疑问请到综合发证窗口咨询', [{ field: 'code', message: '取件码已使用' }]);
  if (deposit.state !== 'waiting') throw used();
  const slot = (await repo.listSlots(deps.db, locker.id)).find((s) => s.id === deposit.slotId)!;
  const result = await runAction(deps, { applicationId: deposit.applicationId, action: 'pickup_from_locker', performer: { kind: 'system', name: locker.name }, now }, async (ctx) => {
    if (!(await repo.markPickedUp(ctx.tx, deposit.id, now))) throw used();
    await deliveryRepo.updateDelivery(ctx.tx, ctx.app.id, { state: 'delivered', handledByName: locker.name, deliveredAt: now });
    return {
      to: 'delivered',
      patch: { deliveredAt: now },
      note: `申请人凭取件码在${locker.name}${slot.number}号格口取走结果`,
      result: { slotNumber: slot.number, applicationNumber: ctx.app.number, itemName: ctx.app.name, applicationId: ctx.app.id },
    };
  });
  return result!;
}

async function toDto(db: DbOrTx, row: repo.LockerRow): Promise<LockerDto> {
  const slots = await repo.listSlots(db, row.id);
  return {
    id: row.id,
    centerId: row.centerId,
    name: row.name,
    location: row.location,
    isActive: row.isActive,
    demoKey: row.isDemo ? demoLockerKeyOf(row.id) : null,
    slots: slots.map((s) => ({ number: s.number, isFree: s.applicationNumber === null, applicationNumber: s.applicationNumber })),
  };
}

/** Where an application's result waits in a locker, if it does (the kiosk's progress shows it). */
export async function lockerWaitingFor(db: DbOrTx, applicationId: string): Promise<{ name: string; location: string; slotNumber: string } | null> {
  const deposit = await repo.findWaitingDeposit(db, applicationId);
  if (!deposit) return null;
  const locker = (await repo.findLocker(db, deposit.lockerId))!;
  const slot = (await repo.listSlots(db, locker.id)).find((s) => s.id === deposit.slotId)!;
  return { name: locker.name, location: locker.location, slotNumber: slot.number };
}
