import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { defineCache } from '../../../platform/cache/cache.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import type { ServiceDeps } from '../actions.ts';
import type { TimeLimitSettingsDto } from './contract.ts';
import * as repo from './repository.ts';

/** The center's time-limit setting: warning share and escalation step; the defaults until it is saved. */

export const DEFAULT_SETTINGS = { warningPercent: 80, escalationDays: 2 } as const;

const settings = defineCache(repo.SETTINGS_CACHE, async (db, centerId): Promise<TimeLimitSettingsDto> => {
  const row = await repo.findSettings(db, centerId);
  return row ? { warningPercent: row.warningPercent, escalationDays: row.escalationDays, version: row.version } : { ...DEFAULT_SETTINGS, version: 0 };
});

/** Kept in the process until a center's setting is saved (platform/cache); a copy, so callers may change it. */
export async function settingsOf(db: DbOrTx, centerId: string): Promise<TimeLimitSettingsDto> {
  return { ...(await settings.get(db, centerId)) };
}

function centerOf(by: StaffPrincipal): string {
  if (!by.centerId) throw invalidField('centerId', '您的账号没有所属中心');
  return by.centerId;
}

export const readSettings = (deps: ServiceDeps, by: StaffPrincipal) => settingsOf(deps.db, centerOf(by));

export async function saveSettings(deps: ServiceDeps, by: StaffPrincipal, input: { warningPercent: number; escalationDays: number; version: number }): Promise<TimeLimitSettingsDto> {
  const centerId = centerOf(by);
  const saved = await repo.saveSettings(deps.db, centerId, input.version, { warningPercent: input.warningPercent, escalationDays: input.escalationDays });
  if (!saved) throw new AppError('STALE_VERSION', '时限设置已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  return settingsOf(deps.db, centerId);
}
