import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { getCenter, listCounters, listZones } from '../../venue/service.ts';
import type { CounterDto, ZoneDto } from '../../venue/contract.ts';
import { DEVICE_KINDS, type DeviceKind } from '../contract.ts';
import type { DeviceDto, DeviceWithKey } from './contract.ts';
import * as repo from './repository.ts';

/**
 * Kiosks, displays and evaluators. Each gets a key, shown once; an evaluator sends it with every
 * rating, so that only the tablet at the counter can rate the visit just served there.
 */

export const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const newKey = () => crypto.randomBytes(24).toString('base64url');
/** Demo devices have a public, derivable key so the demo can be tried from the settings page. */
export const demoKeyOf = (deviceId: string) => `demo-${crypto.createHash('sha256').update(`banshi-demo-device:${deviceId}`).digest('hex').slice(0, 24)}`;

/** Kiosks first, then displays, then evaluators in counter order. */
export async function listDevices(db: Db, centerId: string): Promise<DeviceDto[]> {
  await getCenter(db, centerId);
  const rows = await repo.listDevices(db, centerId);
  rows.sort((a, b) => DEVICE_KINDS.indexOf(a.kind) - DEVICE_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  return rows.map(toDto);
}

export type DeviceInput = { kind: DeviceKind; name: string; zoneId: string | null; counterId: string | null };

export async function createDevice(db: Db, centerId: string, input: DeviceInput): Promise<DeviceWithKey> {
  const [created] = await createDevices(db, centerId, [input]);
  return created!;
}

/** Registers devices, all or none; each gets its key (demo devices their public one). */
export async function createDevices(db: Db, centerId: string, inputs: DeviceInput[], options: { isDemo?: boolean } = {}): Promise<DeviceWithKey[]> {
  await getCenter(db, centerId);
  const [counters, zones, existing] = await Promise.all([listCounters(db, centerId), listZones(db, centerId), repo.listDevices(db, centerId)]);
  const names = new Set(existing.map((d) => d.name));
  const rows = inputs.map((input) => {
    if (names.has(input.name)) {
      throw new AppError('DUPLICATE', `本中心已有名为“${input.name}”的设备`, [{ field: 'name', message: '名称已被使用' }]);
    }
    names.add(input.name);
    const id = crypto.randomUUID();
    const key = options.isDemo ? demoKeyOf(id) : newKey();
    return { id, key, fields: { ...input, ...placementOf(counters, zones, input), keyHash: hashKey(key), isDemo: options.isDemo ?? false } };
  });
  await repo.insertDevices(db, centerId, rows.map((r) => ({ id: r.id, ...r.fields })));
  const byId = new Map((await repo.listDevices(db, centerId)).map((d) => [d.id, d]));
  return rows.map((r) => ({ device: toDto(byId.get(r.id)!), key: r.key }));
}

/** A new key; the old one stops working at once (a lost or replaced tablet). */
export async function renewDeviceKey(db: Db, id: string, version: number): Promise<DeviceWithKey> {
  const row = await repo.findDevice(db, id);
  if (!row) throw notFound('设备');
  const key = row.isDemo ? demoKeyOf(id) : newKey();
  if (!(await repo.updateDevice(db, id, version, { keyHash: hashKey(key) }))) throw staleDevice();
  return { device: toDto((await repo.findDevice(db, id))!), key };
}

export async function updateDevice(db: Db, id: string, patch: { version: number; name?: string; isActive?: boolean }): Promise<DeviceDto> {
  const row = await repo.findDevice(db, id);
  if (!row) throw notFound('设备');
  if (patch.name && patch.name !== row.name && (await repo.listDevices(db, row.centerId)).some((d) => d.name === patch.name)) {
    throw new AppError('DUPLICATE', `本中心已有名为“${patch.name}”的设备`, [{ field: 'name', message: '名称已被使用' }]);
  }
  const { version, ...fields } = patch;
  if (!(await repo.updateDevice(db, id, version, fields))) throw staleDevice();
  return toDto((await repo.findDevice(db, id))!);
}

export async function getDevice(db: Db, id: string): Promise<DeviceDto> {
  const row = await repo.findDevice(db, id);
  if (!row) throw notFound('设备');
  return toDto(row);
}

/** The evaluator of `counterId` holding `key`; throws when the key does not belong to an active one. */
export async function requireEvaluator(db: DbOrTx, counterId: string, key: string | undefined): Promise<string> {
  const id = key ? await repo.touchEvaluator(db, counterId, hashKey(key)) : undefined;
  if (!id) throw new AppError('FORBIDDEN', '本评价器未绑定到该窗口，不能提交评价；请管理员在“排队设置 › 设备”中打开评价器的绑定链接');
  return id;
}

/**
 * The link that opens the evaluator of a counter, for the clerk's workbench: a demo evaluator's
 * carries its public key, so it opens bound; any other's key was shown once to the administrator,
 * and the page asks for it.
 */
export async function evaluatorLinkOf(db: Db, counter: { id: string; centerId: string; number: string }): Promise<{ path: string; isBound: boolean }> {
  const device = (await repo.listDevices(db, counter.centerId)).find((d) => d.kind === 'evaluator' && d.counterId === counter.id && d.isActive);
  if (!device) throw new AppError('NOT_FOUND', `${counter.number} 号窗口没有启用的评价器，请管理员在“排队设置 › 设备”中登记`);
  const path = pathOf(device);
  return device.isDemo ? { path: `${path}?key=${encodeURIComponent(demoKeyOf(device.id))}`, isBound: true } : { path, isBound: false };
}

function placementOf(counters: CounterDto[], zones: ZoneDto[], d: DeviceInput) {
  if (d.kind === 'evaluator') {
    const counter = counters.find((c) => c.id === d.counterId);
    if (!counter) throw invalidField('counterId', '评价器须绑定本中心的一个窗口');
    return { zoneId: counter.zoneId, counterId: counter.id };
  }
  if (d.kind === 'display' && !d.zoneId) throw invalidField('zoneId', '叫号屏须设在本中心的一个区域');
  if (d.zoneId && !zones.some((z) => z.id === d.zoneId)) throw invalidField('zoneId', '区域不存在或不属于本中心');
  return { zoneId: d.zoneId, counterId: null };
}

const staleDevice = () => new AppError('STALE_VERSION', '该设备已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

function pathOf(row: repo.DeviceRow): string {
  switch (row.kind) {
    case 'kiosk':
      return `/kiosk/${row.centerId}`;
    case 'display':
      return `/display/${row.centerId}/${row.zoneId}`;
    case 'evaluator':
      return `/evaluator/${row.counterId}`;
  }
}

function toDto(row: repo.DeviceRow): DeviceDto {
  const { keyHash: _, lastSeenAt, ...rest } = row;
  return { ...rest, lastSeenAt: lastSeenAt?.toISOString() ?? null, path: pathOf(row), demoKey: row.isDemo ? demoKeyOf(row.id) : null };
}
