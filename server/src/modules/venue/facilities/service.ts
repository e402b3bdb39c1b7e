import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, duplicate, invalidField, notFound } from '../../../platform/errors.ts';
import * as venueRepo from '../repository.ts';
import { FACILITY_KINDS, FACILITY_STATUSES, type AccessibilityDto, type FacilityDetail, type FacilityDto, type FacilityFigures, type FacilityInput, type FacilityPatch, type FacilityStatus } from './contract.ts';
import * as repo from './repository.ts';
import { FACILITY_WORKFLOW, refusal, type FacilityAction, type FacilityActor } from './workflow.ts';

/** Who acts on facilities: the fields of a staff principal the rules read. */
export type FacilityActorPrincipal = Pick<StaffPrincipal, 'id' | 'centerId' | 'centerScope' | 'permissions'>;

const actorOf = (by: FacilityActorPrincipal): FacilityActor => (by.permissions.has('facility.manage') ? 'manager' : 'staff');
const staleFacility = () => new AppError('STALE_VERSION', '该设施已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The register of the staff member's own center (a region's manager works on their own center's). */
export async function listFacilities(db: Db, by: FacilityActorPrincipal, q: { status?: FacilityStatus; zoneId?: string; openFault?: 'true' | 'false' }): Promise<FacilityDto[]> {
  if (!by.centerId) return [];
  const rows = await repo.listFacilities(db, { centerId: by.centerId, status: q.status, zoneId: q.zoneId, openFault: q.openFault === undefined ? undefined : q.openFault === 'true' });
  return toDtos(db, rows);
}

export async function getFacility(db: DbOrTx, by: FacilityActorPrincipal, id: string): Promise<FacilityDetail> {
  const row = await repo.findFacility(db, id);
  if (!row || !isCenterInScope(by as StaffPrincipal, row.centerId)) throw notFound('设施');
  const [dto] = await toDtos(db, [row]);
  const faults = await repo.faultsOf(db, id);
  const reports = await repo.reportsOf(db, faults.map((f) => f.fault.id));
  return {
    ...dto!,
    faults: faults.map(({ fault: f, repairStartedByName, repairFinishedByName }) => ({
      id: f.id,
      openedAt: f.openedAt.toISOString(),
      reports: reports.filter((r) => r.faultId === f.id).map((r) => ({ id: r.id, reportedAt: r.reportedAt.toISOString(), reportedByName: r.reportedByName ?? '', description: r.description })),
      repairStartedAt: f.repairStartedAt?.toISOString() ?? null,
      repairStartedByName: repairStartedByName ?? '',
      repairer: f.repairer,
      repairFinishedAt: f.repairFinishedAt?.toISOString() ?? null,
      repairFinishedByName: repairFinishedByName ?? '',
      repairResult: f.repairResult,
      closedAt: f.closedAt?.toISOString() ?? null,
      closedAs: f.closedAs,
    })),
  };
}

/** The zone must be an active zone of the facility's center; the asset number unique within it. */
async function checkFields(db: DbOrTx, centerId: string, fields: { zoneId?: string; assetNumber?: string }, exceptId?: string) {
  if (fields.zoneId) {
    const zone = await venueRepo.findZone(db, fields.zoneId);
    if (!zone || zone.centerId !== centerId || !zone.isActive) throw invalidField('zoneId', '所选区域不是本中心在用的服务区域');
  }
  if (fields.assetNumber && (await repo.assetNumberTaken(db, centerId, fields.assetNumber, exceptId))) throw duplicate('assetNumber', `本中心已有资产编号为“${fields.assetNumber}”的设施`);
}

export async function registerFacility(db: Db, by: FacilityActorPrincipal, input: FacilityInput): Promise<FacilityDetail> {
  FACILITY_WORKFLOW.require(null, 'register', actorOf(by), refusal);
  const centerId = by.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心，不能登记设施');
  await checkFields(db, centerId, input);
  const id = await repo.insertFacility(db, { ...input, centerId, isAccessibility: input.isAccessibility ?? FACILITY_KINDS[input.kind].accessibility, status: 'in_service' });
  return getFacility(db, by, id);
}

/** One change in one transaction: the row locked, in scope, the workflow and the version checked. */
async function change(db: Db, by: FacilityActorPrincipal, id: string, action: FacilityAction, version: number | null, apply: (tx: DbOrTx, row: repo.FacilityRow, accept: (s: FacilityStatus) => FacilityStatus) => Promise<void>): Promise<FacilityDetail> {
  await db.transaction(async (tx) => {
    const row = await repo.findFacility(tx, id, { lock: true });
    if (!row || !isCenterInScope(by as StaffPrincipal, row.centerId)) throw notFound('设施');
    const accept = FACILITY_WORKFLOW.require(row.status, action, actorOf(by), refusal);
    if (version !== null && row.version !== version) throw staleFacility();
    await apply(tx, row, accept);
  });
  return getFacility(db, by, id);
}

export async function updateFacility(db: Db, by: FacilityActorPrincipal, id: string, patch: FacilityPatch): Promise<FacilityDetail> {
  const { version, ...fields } = patch;
  return change(db, by, id, 'edit', version, async (tx, row) => {
    await checkFields(tx, row.centerId, fields, row.id);
    await repo.updateFacility(tx, row.id, fields);
  });
}

/** Any staff member: opens a fault (the facility becomes faulty) or adds the report to the one open. */
export async function reportFault(db: Db, by: FacilityActorPrincipal, id: string, description: string, now = new Date()): Promise<FacilityDetail> {
  return change(db, by, id, 'report_fault', null, async (tx, row, accept) => {
    const open = await repo.findOpenFault(tx, row.id);
    const fault = open ?? (await repo.insertFault(tx, { centerId: row.centerId, facilityId: row.id, openedAt: now }));
    await repo.insertReport(tx, { centerId: row.centerId, faultId: fault.id, reportedBy: by.id, reportedAt: now, description });
    if (row.status === 'in_service') await repo.updateFacility(tx, row.id, { status: accept('faulty') });
  });
}

export async function startRepair(db: Db, by: FacilityActorPrincipal, id: string, input: { version: number; repairer: string }, now = new Date()): Promise<FacilityDetail> {
  return change(db, by, id, 'start_repair', input.version, async (tx, row, accept) => {
    const fault = (await repo.findOpenFault(tx, row.id))!;
    await repo.updateFault(tx, fault.id, { repairStartedAt: now, repairStartedBy: by.id, repairer: input.repairer });
    await repo.updateFacility(tx, row.id, { status: accept('under_repair') });
  });
}

export async function finishRepair(db: Db, by: FacilityActorPrincipal, id: string, input: { version: number; repairResult: string }, now = new Date()): Promise<FacilityDetail> {
  return change(db, by, id, 'finish_repair', input.version, async (tx, row, accept) => {
    const fault = (await repo.findOpenFault(tx, row.id))!;
    await repo.updateFault(tx, fault.id, { repairFinishedAt: now, repairFinishedBy: by.id, repairResult: input.repairResult, closedAt: now, closedAs: 'repaired' });
    await repo.updateFacility(tx, row.id, { status: accept('in_service') });
  });
}

export async function retireFacility(db: Db, by: FacilityActorPrincipal, id: string, version: number, now = new Date()): Promise<FacilityDetail> {
  return change(db, by, id, 'retire', version, async (tx, row, accept) => {
    const open = await repo.findOpenFault(tx, row.id);
    if (open) await repo.updateFault(tx, open.id, { closedAt: now, closedAs: 'retired' });
    await repo.updateFacility(tx, row.id, { status: accept('retired') });
  });
}

export async function reinstateFacility(db: Db, by: FacilityActorPrincipal, id: string, version: number): Promise<FacilityDetail> {
  return change(db, by, id, 'reinstate', version, async (tx, row, accept) => {
    await repo.updateFacility(tx, row.id, { status: accept('in_service') });
  });
}

/** Counts by status and the open faults with their age, for the staff member's own center. */
export async function facilityFigures(db: Db, by: FacilityActorPrincipal, now = new Date()): Promise<FacilityFigures> {
  const rows = by.centerId ? await repo.listFacilities(db, { centerId: by.centerId }) : [];
  const byStatus = Object.fromEntries(FACILITY_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as FacilityFigures['byStatus'];
  const open = await repo.openFaultsOf(db, rows.map((r) => r.id));
  const today = Date.parse(businessToday(now));
  return {
    byStatus,
    accessibilityInService: rows.filter((r) => r.isAccessibility && r.status === 'in_service').length,
    openFaults: open
      .map((f) => {
        const facility = rows.find((r) => r.id === f.facilityId)!;
        return {
          facilityId: f.facilityId,
          facilityName: facility.name,
          zoneName: facility.zoneName,
          status: facility.status,
          openedAt: f.openedAt.toISOString(),
          ageDays: Math.round((today - Date.parse(businessToday(f.openedAt))) / DAY_MS),
          reports: f.reports,
        };
      })
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
  };
}

/** The portal: the center's accessibility facilities in service, by zone (an unknown or closed center is 404). */
export async function accessibilityOf(db: Db, centerId: string): Promise<AccessibilityDto> {
  const center = await venueRepo.findCenter(db, centerId);
  if (!center || !center.isActive) throw notFound('服务中心');
  const rows = await repo.listFacilities(db, { centerId, status: 'in_service', accessibility: true });
  const zones: AccessibilityDto['zones'] = [];
  for (const r of rows) {
    let zone = zones.find((z) => z.zoneId === r.zoneId);
    if (!zone) zones.push((zone = { zoneId: r.zoneId, zoneName: r.zoneName, floor: r.zoneFloor, facilities: [] }));
    zone.facilities.push({ id: r.id, kind: r.kind as FacilityDto['kind'], name: r.name, locationNote: r.locationNote });
  }
  return { centerId, zones };
}

async function toDtos(db: DbOrTx, rows: readonly repo.FacilityRow[]): Promise<FacilityDto[]> {
  const open = await repo.openFaultsOf(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const fault = open.find((f) => f.facilityId === r.id);
    return {
      id: r.id,
      centerId: r.centerId,
      zoneId: r.zoneId,
      zoneName: r.zoneName,
      kind: r.kind as FacilityDto['kind'],
      name: r.name,
      locationNote: r.locationNote,
      assetNumber: r.assetNumber,
      isAccessibility: r.isAccessibility,
      status: r.status,
      openFault: fault ? { id: fault.id, openedAt: fault.openedAt.toISOString(), reports: fault.reports, repairer: fault.repairer } : null,
      version: r.version,
    };
  });
}
