import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import { getSettings as getQueueSettings } from '../../queue/service.ts';
import { getCenter } from '../../venue/service.ts';
import { minutesOf } from '../../../platform/calendar/clock.ts';
import type { AppointmentSettingsDto, AppointmentSettingsInput } from './contract.ts';
import * as repo from './repository.ts';

export type Period = { start: string; end: string };

/** What a center without saved settings runs with (A.6 and the defaults). */
export const DEFAULT_SETTINGS: repo.SettingsFields = {
  slotMinutes: 30,
  periods: null,
  placesPerCounter: 1,
  horizonDays: 14,
  changeCutoffMinutes: 60,
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  noShowLimit: 3,
  noShowWindowDays: 30,
  blockDays: 7,
  reminderTime: '16:00',
};

/** The settings in force, with the hours slots lie in resolved (the queue's opening hours by default). */
export type Settings = repo.SettingsRow & { effectivePeriods: Period[] };

export async function loadSettings(db: DbOrTx, centerId: string): Promise<Settings> {
  const row = (await repo.findSettings(db, centerId)) ?? { centerId, ...DEFAULT_SETTINGS, version: 0 };
  const effectivePeriods = row.periods ?? (await getQueueSettings(db, centerId)).openingPeriods;
  return { ...row, effectivePeriods };
}

export async function getSettings(db: DbOrTx, centerId: string): Promise<AppointmentSettingsDto> {
  await getCenter(db, centerId);
  return loadSettings(db, centerId);
}

export async function saveSettings(db: DbOrTx, centerId: string, input: AppointmentSettingsInput): Promise<AppointmentSettingsDto> {
  await getCenter(db, centerId);
  const problem = input.periods ? checkPeriods(input.periods) : null;
  if (problem) throw invalidField('periods', problem);
  const { version, ...fields } = input;
  if (!(await repo.saveSettings(db, centerId, version, fields))) {
    throw new AppError('STALE_VERSION', '预约设置已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  return getSettings(db, centerId);
}

/** Problems with a list of periods: each must end after it starts, and periods must not overlap. */
export function checkPeriods(periods: readonly Period[]): string | null {
  const sorted = [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const [i, p] of sorted.entries()) {
    if (minutesOf(p.end) <= minutesOf(p.start)) return `${p.start}–${p.end}：结束时间应晚于开始时间`;
    const next = sorted[i + 1];
    if (next && minutesOf(next.start) < minutesOf(p.end)) return `${p.start}–${p.end} 与 ${next.start}–${next.end} 重叠`;
  }
  return null;
}
