import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { openFile, storeFile } from '../../../platform/files/service.ts';
import { findEnterpriseByUscc } from '../../enterprises/service.ts';
import type { ServiceDeps } from '../actions.ts';
import { MATERIAL_POLICY, receiveApplication } from '../intake/service.ts';
import type { HandoverDto, HandoverInput } from './contract.ts';
import { directoryAllows, namesOf, type Names } from './directory.ts';
import { STATES, type ApplicationState } from '../workflow/definition.ts';
import * as repo from './repository.ts';

/**
 * 异地代收代办 and 多地联办 (6.3.2). The receiving clerk checks identity and materials and records
 * the matter for the competent region. When that region's center works on Banshi, the application
 * is created in the competent center's own records (channel cross_region) and reviewed there; the
 * hand-over row is what both sides see. Otherwise an export package goes there (exchange.ts).
 * Time limits: the application's due date is counted by the competent center's application with
 * the installation's one working-day calendar (platform/calendar has no per-region calendars).
 */

export const SCAN_PURPOSE = 'cross_region_material';

const notInDirectory = (message: string) => new AppError('ITEM_NOT_IN_REGION_DIRECTORY', message, [{ field: 'competentRegionCode', message }]);
export const handoverNotFound = () => notFound('跨域办件');
export const staleHandover = () => new AppError('STALE_VERSION', '该跨域办件已被他人更新，请刷新后重试');
export const handoverState = (message: string) => new AppError('HANDOVER_STATE', message);

/** The Banshi center (county or city level) serving a region, if the region has one. */
function competentCenterOf(names: Names, regionCode: string) {
  return [...names.centers.values()].find((c) => c.regionCode === regionCode && c.isActive && (c.level === 'county' || c.level === 'city')) ?? null;
}

export async function createHandover(deps: ServiceDeps, clerk: StaffPrincipal, input: HandoverInput, now = new Date()): Promise<HandoverDto> {
  const { db } = deps;
  if (!clerk.centerId) throw forbidden('您未被分配到服务中心，不能收件');
  const names = await namesOf(db);
  const own = names.centers.get(clerk.centerId)!;
  if (!names.regions.has(input.competentRegionCode)) throw new AppError('VALIDATION_FAILED', '行政区划代码不存在', [{ field: 'competentRegionCode', message: '行政区划代码不存在' }]);
  const regionName = names.regions.get(input.competentRegionCode)!;
  const entry = await directoryAllows(db, own.id, input.itemCode, input.competentRegionCode, input.mode);
  if (!entry) throw notInDirectory(`本中心跨域通办目录中，事项“${input.itemCode}”没有与${regionName}的${input.mode === 'proxy' ? '异地代收代办' : '多地联办'}`);
  const competent = input.mode === 'proxy' ? competentCenterOf(names, input.competentRegionCode) : null;
  if (competent && !(await directoryAllows(db, competent.id, input.itemCode, own.regionCode, 'proxy'))) {
    throw notInDirectory(`${competent.name}的跨域通办目录中没有事项“${input.itemCode}”（与${own.regionName}的异地代收代办）`);
  }
  if (input.mode === 'multi_site') {
    for (const [i, part] of input.parts.entries()) {
      if (!names.regions.has(part.regionCode)) throw new AppError('VALIDATION_FAILED', '行政区划代码不存在', [{ field: `parts.${i}.regionCode`, message: '行政区划代码不存在' }]);
    }
  }
  if (input.returnMethod === 'post' && !input.postalAddress) throw new AppError('VALIDATION_FAILED', '结果邮寄送达时请填写邮寄地址', [{ field: 'postalAddress', message: '请填写邮寄地址' }]);
  const enterprise = await findEnterpriseByUscc(db, input.applicant.uscc);
  const applicantName = enterprise?.name ?? input.applicant.name;
  if (!applicantName) throw new AppError('VALIDATION_FAILED', '该统一社会信用代码不在企业库中，请填写申请人名称', [{ field: 'applicant.name', message: '请填写申请人名称' }]);

  const row = {
    centerId: own.id,
    mode: input.mode,
    competentRegionCode: input.competentRegionCode,
    competentCenterId: competent?.id ?? null,
    itemCode: entry.itemCode,
    itemName: entry.itemName,
    uscc: input.applicant.uscc,
    applicantName,
    identityChecked: input.identityChecked,
    materialsChecked: input.materialsChecked,
    receivedById: clerk.id,
    receivedByName: clerk.displayName,
    returnMethod: input.returnMethod,
    postalAddress: input.postalAddress,
    state: 'sent',
    createdAt: now,
    updatedAt: now,
  } as const;
  let id = '';
  if (competent && input.mode === 'proxy') {
    // The application belongs to the competent center: it is received into that center's records
    // (its catalog, its number series, its back office), with the receiving clerk as first handler.
    const body = {
      source: { kind: 'item' as const, code: input.itemCode },
      answers: input.answers,
      applicant: { uscc: input.applicant.uscc, name: applicantName },
      agent: null,
      contactPhone: input.contactPhone,
      channel: 'cross_region' as const,
      fromCurrentTicket: false,
      isCommitment: false,
    };
    await receiveApplication(deps, { ...clerk, centerId: competent.id }, body, now, null, async (tx, created) => {
      id = await repo.insertHandover(tx, { ...row, applicationId: created.id });
    });
  } else {
    await db.transaction(async (tx) => {
      id = await repo.insertHandover(tx, row);
      if (input.mode === 'multi_site') await repo.insertParts(tx, input.parts.map((p, position) => ({ handoverId: id, position, name: p.name, regionCode: p.regionCode })));
    });
  }
  return getHandover(deps, clerk, id);
}

/** A hand-over as the receiving or the competent center sees it (404 for any other center). */
export async function handoverInScope(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<repo.HandoverRow> {
  const row = await repo.findHandover(deps.db, id);
  if (!row || !(isCenterInScope(principal, row.centerId) || (row.competentCenterId && isCenterInScope(principal, row.competentCenterId)))) throw handoverNotFound();
  return row;
}

export async function getHandover(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<HandoverDto> {
  const row = await handoverInScope(deps, principal, id);
  return (await toDtos(deps, [row]))[0]!;
}

export async function listHandovers(deps: ServiceDeps, principal: StaffPrincipal, side: 'received' | 'competent'): Promise<HandoverDto[]> {
  return toDtos(deps, await repo.listHandovers(deps.db, side, principal.centerScope));
}

async function toDtos(deps: ServiceDeps, rows: repo.HandoverRow[]): Promise<HandoverDto[]> {
  const names = await namesOf(deps.db);
  const ids = rows.map((r) => r.id);
  const [apps, files, parts] = await Promise.all([
    repo.applicationFacts(deps.db, rows.flatMap((r) => (r.applicationId ? [r.applicationId] : []))),
    repo.listFiles(deps.db, ids),
    repo.listParts(deps.db, ids),
  ]);
  const appOf = new Map(apps.map((a) => [a.id, a]));
  return rows.map((r) => {
    const app = r.applicationId ? appOf.get(r.applicationId) : undefined;
    // Between Banshi centers the decision is the competent center's own, read live from its application.
    const decision = app ? app.decision : r.decision;
    return {
      id: r.id,
      mode: r.mode,
      state: r.state as HandoverDto['state'],
      receivingCenterId: r.centerId,
      receivingCenterName: names.centers.get(r.centerId)?.name ?? '',
      competentRegionCode: r.competentRegionCode,
      competentRegionName: names.regions.get(r.competentRegionCode) ?? r.competentRegionCode,
      competentCenterId: r.competentCenterId,
      competentCenterName: r.competentCenterId ? (names.centers.get(r.competentCenterId)?.name ?? '') : null,
      application: app ? { id: app.id, number: app.number, state: app.state, stateLabel: STATES[app.state as ApplicationState].label, dueDate: app.dueDate } : null,
      itemCode: r.itemCode,
      itemName: r.itemName,
      uscc: r.uscc,
      applicantName: r.applicantName,
      identityChecked: r.identityChecked,
      materialsChecked: r.materialsChecked,
      receivedByName: r.receivedByName,
      returnMethod: r.returnMethod,
      postalAddress: r.postalAddress,
      decision: decision ?? null,
      decisionOpinion: app ? app.decisionOpinion : r.decisionOpinion,
      decidedOn: (app ? app.decidedOn : r.decidedOn) ?? null,
      licenseNumber: r.licenseNumber,
      trackingNumber: r.trackingNumber,
      returnedAt: r.returnedAt?.toISOString() ?? null,
      returnedByName: r.returnedByName,
      exportedAt: r.exportedAt?.toISOString() ?? null,
      files: files.filter((f) => f.handoverId === r.id).map((f) => ({ id: f.id, name: f.name })),
      parts: parts
        .filter((p) => p.handoverId === r.id)
        .map((p) => ({ id: p.id, position: p.position, name: p.name, regionCode: p.regionCode, regionName: names.regions.get(p.regionCode) ?? p.regionCode, doneAt: p.doneAt?.toISOString() ?? null, doneByName: p.doneByName, version: p.version })),
      createdAt: r.createdAt.toISOString(),
      version: r.version,
    };
  });
}

/** The receiving clerk attaches a scanned material (PDF or image) while the matter is with the competent side. */
export async function attachScan(deps: ServiceDeps, clerk: StaffPrincipal, id: string, file: { filename: string; content: Buffer }, now = new Date()): Promise<HandoverDto> {
  const row = await handoverInScope(deps, clerk, id);
  if (!isCenterInScope(clerk, row.centerId)) throw forbidden('只有收件地可以上传扫描材料');
  if (row.state !== 'sent' && row.state !== 'exported') throw handoverState('该跨域办件已有结果，不能再上传材料');
  await deps.db.transaction(async (tx) => {
    const stored = await storeFile(tx, { ...MATERIAL_POLICY, what: '扫描材料', purpose: SCAN_PURPOSE, filename: file.filename, content: file.content, createdBy: clerk.displayName });
    await repo.insertFile(tx, { handoverId: id, fileId: stored.id, name: stored.filename, createdAt: now });
  });
  return getHandover(deps, clerk, id);
}

export async function openScan(deps: ServiceDeps, principal: StaffPrincipal, id: string, fileRowId: string) {
  await handoverInScope(deps, principal, id);
  const file = (await repo.listFiles(deps.db, [id])).find((f) => f.id === fileRowId);
  if (!file) throw notFound('扫描材料');
  return openFile(deps.db, file.fileId, SCAN_PURPOSE);
}

/** The competent center sends the decided result back (by post or as an e-license); the receiving center sees it returned. */
export async function returnResult(deps: ServiceDeps, staff: StaffPrincipal, id: string, body: { version: number; trackingNumber: string }, now = new Date()): Promise<HandoverDto> {
  const row = await handoverInScope(deps, staff, id);
  if (!row.competentCenterId || !isCenterInScope(staff, row.competentCenterId)) throw forbidden('只有办理地可以寄回结果');
  if (row.state !== 'sent') throw handoverState('该跨域办件的结果已寄回');
  const [app] = await repo.applicationFacts(deps.db, [row.applicationId!]);
  if (!app?.decision) throw handoverState('办理地尚未作出决定，不能寄回结果');
  if (row.returnMethod === 'post' && !body.trackingNumber) throw new AppError('VALIDATION_FAILED', '邮寄送达请填写邮件号', [{ field: 'trackingNumber', message: '请填写邮件号' }]);
  const patch = { state: 'returned', decision: app.decision, decisionOpinion: app.decisionOpinion, decidedOn: app.decidedOn, trackingNumber: body.trackingNumber, returnedAt: now, returnedByName: staff.displayName };
  if (!(await repo.updateHandover(deps.db, id, body.version, patch, now))) throw staleHandover();
  return getHandover(deps, staff, id);
}

/** 多地联办: one part is recorded done (each part once). */
export async function completePart(deps: ServiceDeps, staff: StaffPrincipal, id: string, partId: string, version: number, now = new Date()): Promise<HandoverDto> {
  const row = await handoverInScope(deps, staff, id);
  if (row.mode !== 'multi_site') throw handoverState('只有多地联办的办件有办理环节');
  const part = (await repo.listParts(deps.db, [id])).find((p) => p.id === partId);
  if (!part) throw notFound('办理环节');
  if (part.doneAt) throw handoverState('该环节已办结');
  await deps.db.transaction(async (tx) => {
    const locked = await repo.lockHandover(tx, id);
    if (!(await repo.markPartDone(tx, id, partId, version, staff.displayName, now))) throw staleHandover();
    const parts = await repo.listParts(tx, [id]);
    if (parts.every((p) => p.doneAt)) await repo.updateHandover(tx, id, locked!.version, { state: 'done' }, now);
  });
  return getHandover(deps, staff, id);
}
