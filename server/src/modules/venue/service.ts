import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, duplicate, invalidField, notFound } from '../../platform/errors.ts';
import {
  CENTER_LEVELS,
  isNearbyServicePoint,
  type CenterDto,
  type CenterLevel,
  type CounterDto,
  type CounterPurpose,
  type ZoneDto,
  type ZoneKind,
} from './contract.ts';
import * as repo from './repository.ts';

/**
 * The center a department is settled in, or null when there is no such department. Departments
 * belong to the staff module, which depends on venue (never the other way): the caller passes this in.
 */
export type DepartmentCenterOf = (db: Db, departmentId: string) => Promise<string | null>;

export const staleVersion = () =>
  new AppError('STALE_VERSION', '该记录已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function listRegions(db: DbOrTx) {
  return repo.listRegions(db);
}

export async function createRegion(db: Db, input: { code: string; name: string; parentCode?: string | null }) {
  if (input.parentCode && !(await repo.findRegion(db, input.parentCode))) {
    throw invalidField('parentCode', '上级行政区划不存在');
  }
  const created = await repo.insertRegion(db, { code: input.code, name: input.name, parentCode: input.parentCode ?? null });
  if (!created) throw duplicate('code', `行政区划代码 ${input.code} 已存在`);
  return created;
}

/** A center and every center below it (a county's towns, their villages), for the scope of a region's roles. */
export async function centerAndBelow(db: DbOrTx, centerId: string): Promise<string[]> {
  return repo.centerAndBelow(db, centerId);
}

export async function listCenters(db: Db): Promise<CenterDto[]> {
  return (await repo.listCenters(db)).map(toCenterDto);
}

export async function getCenter(db: DbOrTx, id: string): Promise<CenterDto> {
  const row = await repo.findCenter(db, id);
  if (!row) throw notFound('服务中心');
  return toCenterDto(row);
}

type CenterInput = {
  name: string;
  level: CenterLevel;
  regionCode: string;
  parentId?: string | null;
  address: string;
  phone: string;
  openingHours: string;
};

export async function createCenter(db: Db, input: CenterInput): Promise<CenterDto> {
  await checkCenterReferences(db, input);
  if ((await repo.listCenters(db)).some((c) => c.name === input.name)) throw duplicate('name', `已有名为“${input.name}”的中心`);
  const id = await repo.insertCenter(db, { ...input, parentId: input.parentId ?? null });
  return getCenter(db, id);
}

export async function updateCenter(
  db: Db,
  id: string,
  patch: Partial<CenterInput> & { version: number; isActive?: boolean },
): Promise<CenterDto> {
  const current = await getCenter(db, id);
  const merged = { ...current, ...patch };
  if (patch.parentId === id) throw invalidField('parentId', '上级中心不能是自己');
  await checkCenterReferences(db, merged);
  if (patch.name && patch.name !== current.name && (await repo.listCenters(db)).some((c) => c.name === patch.name)) {
    throw duplicate('name', `已有名为“${patch.name}”的中心`);
  }
  const { version, ...fields } = patch;
  if (!(await repo.updateCenter(db, id, version, fields))) throw staleVersion();
  return getCenter(db, id);
}

/** A center's parent must exist and sit at a higher level (city above county above town above village). */
async function checkCenterReferences(db: Db, c: { regionCode: string; level: CenterLevel; parentId?: string | null }) {
  if (!(await repo.findRegion(db, c.regionCode))) throw invalidField('regionCode', `行政区划代码 ${c.regionCode} 不存在，请先添加`);
  if (!c.parentId) return;
  const parent = await repo.findCenter(db, c.parentId);
  if (!parent) throw invalidField('parentId', '上级中心不存在');
  if (CENTER_LEVELS.indexOf(parent.level) >= CENTER_LEVELS.indexOf(c.level)) {
    throw invalidField('parentId', '上级中心的层级必须高于本中心');
  }
}

export async function listZones(db: Db, centerId: string): Promise<ZoneDto[]> {
  await getCenter(db, centerId);
  return (await repo.listZones(db, centerId)).map(toZoneDto);
}

type ZoneInput = { kind: ZoneKind; name: string; floor: string };

export async function createZone(db: Db, centerId: string, input: ZoneInput): Promise<ZoneDto> {
  const zones = await listZones(db, centerId);
  if (zones.some((z) => z.name === input.name)) throw duplicate('name', `本中心已有名为“${input.name}”的区域`);
  const id = await repo.insertZone(db, centerId, input);
  return toZoneDto((await repo.findZone(db, id))!);
}

export async function updateZone(
  db: Db,
  id: string,
  patch: Partial<ZoneInput> & { version: number; isActive?: boolean },
): Promise<ZoneDto> {
  const current = await repo.findZone(db, id);
  if (!current) throw notFound('区域');
  if (patch.name && patch.name !== current.name) {
    const siblings = await repo.listZones(db, current.centerId);
    if (siblings.some((z) => z.name === patch.name)) throw duplicate('name', `本中心已有名为“${patch.name}”的区域`);
  }
  const { version, ...fields } = patch;
  if (!(await repo.updateZone(db, id, version, fields))) throw staleVersion();
  return toZoneDto((await repo.findZone(db, id))!);
}

export async function listCounters(db: DbOrTx, centerId: string): Promise<CounterDto[]> {
  await getCenter(db, centerId);
  return (await repo.listCounters(db, centerId)).map(toCounterDto);
}

export async function getCounter(db: DbOrTx, id: string): Promise<CounterDto> {
  const row = await repo.findCounter(db, id);
  if (!row) throw notFound('窗口');
  return toCounterDto(row);
}

type CounterInput = { zoneId: string; number: string; name: string; purpose: CounterPurpose; departmentId?: string | null };

export async function createCounter(
  db: Db,
  centerId: string,
  input: CounterInput,
  departmentCenterOf: DepartmentCenterOf,
): Promise<CounterDto> {
  await getCenter(db, centerId);
  await checkCounterReferences(db, centerId, input, departmentCenterOf);
  if (await repo.findCounterByNumber(db, centerId, input.number)) throw duplicate('number', `本中心已有 ${input.number} 号窗口`);
  const id = await repo.insertCounter(db, centerId, { ...input, departmentId: input.departmentId ?? null });
  return getCounter(db, id);
}

export async function updateCounter(
  db: Db,
  id: string,
  patch: Partial<CounterInput> & { version: number; isActive?: boolean },
  departmentCenterOf: DepartmentCenterOf,
): Promise<CounterDto> {
  const current = await getCounter(db, id);
  await checkCounterReferences(db, current.centerId, { ...current, ...patch }, departmentCenterOf);
  if (patch.number && patch.number !== current.number && (await repo.findCounterByNumber(db, current.centerId, patch.number))) {
    throw duplicate('number', `本中心已有 ${patch.number} 号窗口`);
  }
  const { version, ...fields } = patch;
  if (!(await repo.updateCounter(db, id, version, fields))) throw staleVersion();
  return getCounter(db, id);
}

async function checkCounterReferences(
  db: Db,
  centerId: string,
  c: { zoneId: string; departmentId?: string | null },
  departmentCenterOf: DepartmentCenterOf,
) {
  const zone = await repo.findZone(db, c.zoneId);
  if (!zone || zone.centerId !== centerId) throw invalidField('zoneId', '区域不存在或不属于本中心');
  if (c.departmentId) {
    if ((await departmentCenterOf(db, c.departmentId)) !== centerId) throw invalidField('departmentId', '部门不存在或未进驻本中心');
  }
}

function toCenterDto(row: Awaited<ReturnType<typeof repo.findCenter>> & {}): CenterDto {
  return { ...row, level: row.level, isNearbyServicePoint: isNearbyServicePoint(row.level) };
}

function toZoneDto(row: Awaited<ReturnType<typeof repo.findZone>> & {}): ZoneDto {
  return { ...row, kind: row.kind as ZoneKind };
}

function toCounterDto(row: Awaited<ReturnType<typeof repo.findCounter>> & {}): CounterDto {
  return { ...row, purpose: row.purpose as CounterPurpose };
}
