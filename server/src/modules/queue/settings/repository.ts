import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Theme } from '../../catalog/contract.ts';
import type { DeviceKind, GreenReason, PriorityClass, ServiceDays } from '../contract.ts';
import { devices, queueCounters, queues, queueSettings } from '../tables.ts';

export type SettingsRow = {
  centerId: string;
  serviceDays: ServiceDays;
  openingPeriods: { start: string; end: string }[];
  lastTicketMinutes: number;
  classOrder: PriorityClass[];
  maxExtraWaitMinutes: number;
  greenReasons: GreenReason[];
  recallsBeforeNoShow: number;
  ratingWindowMinutes: number;
  kioskTicketsPerMinute: number;
  typicalServiceMinutes: number;
  version: number;
};

export async function findSettings(db: DbOrTx, centerId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(queueSettings).where(eq(queueSettings.centerId, centerId));
  return row as SettingsRow | undefined;
}

export type SettingsFields = Omit<SettingsRow, 'centerId' | 'version'>;

/** Creates the row (version 0 → 1) or updates it if still at `version`; false when someone saved first. */
export async function saveSettings(db: DbOrTx, centerId: string, version: number, fields: SettingsFields): Promise<boolean> {
  if (version === 0) {
    const rows = await db.insert(queueSettings).values({ centerId, ...fields }).onConflictDoNothing().returning({ c: queueSettings.centerId });
    return rows.length === 1;
  }
  const rows = await db
    .update(queueSettings)
    .set({ ...fields, version: sql`${queueSettings.version} + 1` })
    .where(and(eq(queueSettings.centerId, centerId), eq(queueSettings.version, version)))
    .returning({ c: queueSettings.centerId });
  return rows.length === 1;
}

const queueColumns = {
  id: queues.id,
  centerId: queues.centerId,
  name: queues.name,
  prefix: queues.prefix,
  themes: queues.themes,
  itemIds: queues.itemIds,
  dailyWalkInQuota: queues.dailyWalkInQuota,
  isOpen: queues.isOpen,
  typicalServiceMinutes: queues.typicalServiceMinutes,
  isActive: queues.isActive,
  sortOrder: queues.sortOrder,
  version: queues.version,
  counterIds: sql<string[]>`coalesce((select array_agg(qc.counter_id::text order by qc.counter_id) from queue_counters qc where qc.queue_id = ${queues.id}), '{}'::text[])`,
};
export type QueueRow = {
  id: string;
  centerId: string;
  name: string;
  prefix: string;
  themes: Theme[];
  itemIds: string[];
  dailyWalkInQuota: number | null;
  isOpen: boolean;
  typicalServiceMinutes: number | null;
  isActive: boolean;
  sortOrder: number;
  version: number;
  counterIds: string[];
};

export async function listQueues(db: DbOrTx, centerId: string): Promise<QueueRow[]> {
  const rows = await db.select(queueColumns).from(queues).where(eq(queues.centerId, centerId)).orderBy(asc(queues.sortOrder), asc(queues.prefix));
  return rows as QueueRow[];
}

export async function findQueue(db: DbOrTx, id: string): Promise<QueueRow | undefined> {
  const [row] = await db.select(queueColumns).from(queues).where(eq(queues.id, id));
  return row as QueueRow | undefined;
}

export type QueueFields = {
  name: string;
  prefix: string;
  themes: Theme[];
  itemIds: string[];
  dailyWalkInQuota: number | null;
  isOpen: boolean;
  typicalServiceMinutes: number | null;
  isActive?: boolean;
  sortOrder: number;
};

export async function insertQueue(db: DbOrTx, centerId: string, fields: QueueFields): Promise<string> {
  const [row] = await db.insert(queues).values({ centerId, ...fields }).returning({ id: queues.id });
  return row!.id;
}

export async function updateQueue(db: DbOrTx, id: string, version: number, fields: Partial<QueueFields>): Promise<boolean> {
  const rows = await db
    .update(queues)
    .set({ ...fields, version: sql`${queues.version} + 1` })
    .where(and(eq(queues.id, id), eq(queues.version, version)))
    .returning({ id: queues.id });
  return rows.length === 1;
}

export async function replaceQueueCounters(db: DbOrTx, queueId: string, counterIds: string[]): Promise<void> {
  await db.delete(queueCounters).where(eq(queueCounters.queueId, queueId));
  if (counterIds.length > 0) await db.insert(queueCounters).values(counterIds.map((counterId) => ({ queueId, counterId })));
}

/** The queues a counter calls from. */
export async function listQueueIdsOfCounter(db: DbOrTx, counterId: string): Promise<string[]> {
  const rows = await db.select({ id: queueCounters.queueId }).from(queueCounters).where(eq(queueCounters.counterId, counterId));
  return rows.map((r) => r.id);
}

const deviceColumns = {
  id: devices.id,
  centerId: devices.centerId,
  kind: devices.kind,
  name: devices.name,
  zoneId: devices.zoneId,
  counterId: devices.counterId,
  keyHash: devices.keyHash,
  isActive: devices.isActive,
  isDemo: devices.isDemo,
  lastSeenAt: devices.lastSeenAt,
  version: devices.version,
};
export type DeviceRow = {
  id: string;
  centerId: string;
  kind: DeviceKind;
  name: string;
  zoneId: string | null;
  counterId: string | null;
  keyHash: string;
  isActive: boolean;
  isDemo: boolean;
  lastSeenAt: Date | null;
  version: number;
};

export async function listDevices(db: DbOrTx, centerId: string): Promise<DeviceRow[]> {
  return db.select(deviceColumns).from(devices).where(eq(devices.centerId, centerId)).orderBy(asc(devices.kind), asc(devices.name));
}

export async function findDevice(db: DbOrTx, id: string): Promise<DeviceRow | undefined> {
  const [row] = await db.select(deviceColumns).from(devices).where(eq(devices.id, id));
  return row;
}

/** The active evaluator of a counter whose key hashes to `keyHash`, if any; notes that it was seen. */
export async function touchEvaluator(db: DbOrTx, counterId: string, keyHash: string): Promise<string | undefined> {
  const [row] = await db
    .update(devices)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(devices.counterId, counterId), eq(devices.kind, 'evaluator'), eq(devices.keyHash, keyHash), eq(devices.isActive, true)))
    .returning({ id: devices.id });
  return row?.id;
}

export type DeviceFields = { id: string; kind: DeviceKind; name: string; zoneId: string | null; counterId: string | null; keyHash: string; isDemo: boolean };

export async function insertDevices(db: DbOrTx, centerId: string, rows: DeviceFields[]): Promise<void> {
  if (rows.length > 0) await db.insert(devices).values(rows.map((r) => ({ centerId, ...r })));
}

export async function updateDevice(
  db: DbOrTx,
  id: string,
  version: number,
  fields: { name?: string; isActive?: boolean; keyHash?: string },
): Promise<boolean> {
  const rows = await db
    .update(devices)
    .set({ ...fields, version: sql`${devices.version} + 1` })
    .where(and(eq(devices.id, id), eq(devices.version, version)))
    .returning({ id: devices.id });
  return rows.length === 1;
}
