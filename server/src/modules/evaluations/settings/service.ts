import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { EvaluationSettingsDto } from './contract.ts';
import * as repo from './repository.ts';

/** The center's evaluation rules; a center that never changed them has the defaults (7, 15, 1, 5 days). */
export async function loadEvaluationSettings(db: DbOrTx, centerId: string): Promise<EvaluationSettingsDto> {
  const row = await repo.findSettings(db, centerId);
  return row ? toDto(row) : { centerId, ...DEFAULTS, version: 1, updatedAt: new Date(0).toISOString() };
}

const DEFAULTS: repo.SettingsValues = { ratingPeriodDays: 7, additionPeriodDays: 15, callbackContactWorkingDays: 1, callbackFinishWorkingDays: 5 };

export async function updateEvaluationSettings(db: DbOrTx, centerId: string, input: repo.SettingsValues & { version: number }): Promise<EvaluationSettingsDto> {
  await repo.ensureSettings(db, centerId);
  if (input.callbackFinishWorkingDays < input.callbackContactWorkingDays) {
    const message = '办结期限不能短于联系期限';
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'callbackFinishWorkingDays', message }]);
  }
  const { version, ...values } = input;
  const row = await repo.updateSettings(db, centerId, version, values);
  if (!row) throw new AppError('STALE_VERSION', '评价规则已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  return toDto(row);
}

function toDto(row: repo.SettingsRow): EvaluationSettingsDto {
  return {
    centerId: row.centerId,
    ratingPeriodDays: row.ratingPeriodDays,
    additionPeriodDays: row.additionPeriodDays,
    callbackContactWorkingDays: row.callbackContactWorkingDays,
    callbackFinishWorkingDays: row.callbackFinishWorkingDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
