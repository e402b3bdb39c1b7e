import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { getItemByCode } from '../../catalog/service.ts';
import type { CenterDto } from '../../venue/contract.ts';
import { listCenters, listRegions } from '../../venue/service.ts';
import type { CrossRegionMode, DirectoryEntryDto, DirectoryInput } from './contract.ts';
import * as repo from './repository.ts';

/** 跨域通办 (6.3.2): the directory of items a center handles with partner regions, published on the portal. */

export type Names = { centers: Map<string, CenterDto>; regions: Map<string, string> };

export async function namesOf(db: Db): Promise<Names> {
  const [centers, regions] = await Promise.all([listCenters(db), listRegions(db)]);
  return { centers: new Map(centers.map((c) => [c.id, c])), regions: new Map(regions.map((r) => [r.code, r.name])) };
}

function toDto(row: repo.DirectoryRow, names: Names): DirectoryEntryDto {
  const center = names.centers.get(row.centerId);
  return {
    id: row.id,
    centerId: row.centerId,
    centerName: center?.name ?? '',
    regionCode: center?.regionCode ?? '',
    regionName: center?.regionName ?? '',
    itemCode: row.itemCode,
    itemName: row.itemName,
    modes: row.modes as CrossRegionMode[],
    partnerRegions: row.partnerRegionCodes.map((code) => ({ code, name: names.regions.get(code) ?? code })),
    note: row.note,
    version: row.version,
  };
}

/** The published directory: every active center's entries, or one center's. */
export async function listDirectory(db: Db, centerId?: string): Promise<DirectoryEntryDto[]> {
  const names = await namesOf(db);
  return (await repo.listDirectory(db, centerId)).filter((r) => names.centers.get(r.centerId)?.isActive).map((r) => toDto(r, names));
}

/** The manager lists one of the center's published catalog items in the directory (or changes its entry). */
export async function saveDirectoryEntry(db: Db, manager: StaffPrincipal, input: DirectoryInput, now = new Date()): Promise<DirectoryEntryDto> {
  if (!manager.centerId) throw forbidden('您未被分配到服务中心，不能维护跨域通办目录');
  const item = await getItemByCode(db, manager.centerId, input.itemCode).catch(() => null);
  if (!item?.published || item.status !== 'published') {
    throw new AppError('VALIDATION_FAILED', `本中心没有已发布的事项“${input.itemCode}”`, [{ field: 'itemCode', message: '本中心没有该已发布事项' }]);
  }
  const names = await namesOf(db);
  const own = names.centers.get(manager.centerId)!.regionCode;
  for (const [i, code] of input.partnerRegionCodes.entries()) {
    if (!names.regions.has(code)) throw new AppError('VALIDATION_FAILED', `行政区划代码 ${code} 不存在`, [{ field: `partnerRegionCodes.${i}`, message: '行政区划代码不存在' }]);
    if (code === own) throw new AppError('VALIDATION_FAILED', '合作地区不能是本中心所在地区', [{ field: `partnerRegionCodes.${i}`, message: '不能是本地区' }]);
  }
  const saved = await repo.upsertDirectoryEntry(
    db,
    { centerId: manager.centerId, itemCode: item.code, itemName: item.published.guide.name, modes: [...new Set(input.modes)], partnerRegionCodes: [...new Set(input.partnerRegionCodes)], note: input.note, createdAt: now, updatedAt: now },
    now,
  );
  return toDto(saved, names);
}

/** The entry that allows handling `itemCode` of `centerId` with `partnerRegionCode` in `mode`, if any. */
export async function directoryAllows(db: DbOrTx, centerId: string, itemCode: string, partnerRegionCode: string, mode: CrossRegionMode) {
  const entry = await repo.findDirectoryEntry(db, centerId, itemCode);
  return entry && entry.modes.includes(mode) && entry.partnerRegionCodes.includes(partnerRegionCode) ? entry : null;
}
