import type { Config } from '../../../config.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import type { SmsTemplate } from '../../../platform/notifications/templates.zh-CN.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { hhmmOf } from '../../../platform/calendar/clock.ts';
import type { Settings } from '../settings/service.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '6月12日（周四）' */
export function dateText(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAYS[d.getUTCDay()]}）`;
}

type Booking = { id: string; centerId: string; code: string; itemName: string; date: string; startMinute: number; endMinute: number; phoneEncrypted: string };

/** The parameters every appointment message shares. */
export function bookingParams(b: Booking, centerName: string, settings: Pick<Settings, 'checkInBeforeMinutes' | 'checkInAfterMinutes'>) {
  return {
    center: centerName,
    date: dateText(b.date),
    time: `${hhmmOf(b.startMinute)}–${hhmmOf(b.endMinute)}`,
    item: b.itemName,
    code: b.code,
    checkIn: ` ${hhmmOf(b.startMinute - settings.checkInBeforeMinutes)}–${hhmmOf(b.startMinute + settings.checkInAfterMinutes)} `,
  };
}

/** Writes the message in the caller's transaction (delivered after commit; the dedupe key sends it once). */
export async function sendBookingSms(
  tx: DbOrTx,
  config: Config,
  b: Booking,
  m: { template: SmsTemplate; params: Record<string, string | number>; dedupeKey: string },
): Promise<void> {
  const phone = decryptField(personalDataKeys(config), 'phone', b.phoneEncrypted);
  await queueSms(tx, config, { phone, template: m.template, params: m.params, related: { type: 'appointment', id: b.id }, centerId: b.centerId, dedupeKey: m.dedupeKey });
}
