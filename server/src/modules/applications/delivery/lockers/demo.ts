import type { Config } from '../../../../config.ts';
import type { Db } from '../../../../platform/db/database.ts';
import * as deliveryRepo from '../repository.ts';
import * as repo from './repository.ts';
import { depositInLocker, registerLocker } from './service.ts';

/** The phone the demo's locker code is sent to (the demo applications carry no phone of their own). */
export const DEMO_LOCKER_PHONE = '13900139000';

/**
 * The demo center's smart locker in the 24-hour self-service zone (12 slots, a public demo key),
 * with one decided result waiting in it: its code is in the SMS log.
 */
export async function seedLockersDemo(db: Db, config: Config, centerId: string, now = new Date()): Promise<void> {
  if ((await repo.listLockers(db, centerId)).length > 0) return;
  const { locker } = await registerLocker(db, centerId, { name: '24小时智能柜', location: '一楼 24 小时自助服务区', slots: 12 }, { isDemo: true });
  const waiting = (await deliveryRepo.listOpenDeliveries(db, centerId, ['awaiting_pickup'])).filter((r) => r.application.kind === 'item' && !r.application.parentId && r.application.state === 'approved');
  const first = waiting[0];
  if (!first) return;
  await depositInLocker({ db, config }, { displayName: '李晓彤', isDemo: true }, { applicationId: first.application.id, version: first.application.version, lockerId: locker.id, phone: DEMO_LOCKER_PHONE, now });
}
