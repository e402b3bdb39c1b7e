import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { decryptField, normalizePhone, personalDataKeys, sealPhone } from '../../../platform/personal-data/personal-data.ts';
import { listPublishedItemFacts } from '../../catalog/service.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import type { OfficerDto, OfficerKind } from './contract.ts';
import * as repo from './repository.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 体验员 (9.3): the center invites representatives of enterprises, chambers of commerce and
 * research institutes for a term. Their phone is personal data: stored encrypted, shown masked,
 * each full read audited.
 */

export function centerOf(by: StaffPrincipal): string {
  if (!by.centerId) throw invalidField('centerId', '您的账号没有所属中心');
  return by.centerId;
}

function encryptedPhone(deps: ServiceDeps, raw: string) {
  const phone = normalizePhone(raw);
  if (!phone) throw new AppError('PHONE_INVALID', '联系电话应为手机号码或带区号的固定电话', [{ field: 'phone', message: '电话号码格式不正确' }]);
  return sealPhone(personalDataKeys(deps.config), phone);
}

function checkTerm(termStart: string, termEnd: string) {
  if (termEnd < termStart) throw invalidField('termEnd', '聘期结束日期不能早于开始日期');
}

export async function createOfficer(
  deps: ServiceDeps,
  by: StaffPrincipal,
  input: { name: string; organisation: string; kind: OfficerKind; phone: string; termStart: string; termEnd: string; note: string },
  now = new Date(),
): Promise<OfficerDto> {
  const centerId = centerOf(by);
  checkTerm(input.termStart, input.termEnd);
  const row = await repo.insertOfficer(deps.db, {
    centerId,
    name: input.name,
    organisation: input.organisation,
    kind: input.kind,
    ...encryptedPhone(deps, input.phone),
    termStart: input.termStart,
    termEnd: input.termEnd,
    note: input.note,
    createdBy: by.id,
    createdAt: now,
  });
  return (await toDtos(deps, centerId, [row]))[0]!;
}

export async function updateOfficer(
  deps: ServiceDeps,
  by: StaffPrincipal,
  input: { id: string; version: number; name?: string; organisation?: string; kind?: OfficerKind; phone?: string; termStart?: string; termEnd?: string; note?: string; isActive?: boolean },
): Promise<OfficerDto> {
  const centerId = centerOf(by);
  await deps.db.transaction(async (tx) => {
    const row = await repo.findOfficer(tx, input.id, { lock: true });
    if (!row || row.centerId !== centerId) throw notFound('体验员');
    if (row.version !== input.version) throw new AppError('STALE_VERSION', '该体验员信息已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    checkTerm(input.termStart ?? row.termStart, input.termEnd ?? row.termEnd);
    const { id: _id, version: _version, phone, ...fields } = input;
    await repo.updateOfficer(tx, row.id, { ...fields, ...(phone ? encryptedPhone(deps, phone) : {}) });
  });
  return (await toDtos(deps, centerId, [(await repo.findOfficer(deps.db, input.id))!]))[0]!;
}

export async function listOfficers(deps: ServiceDeps, by: StaffPrincipal, q: { active?: 'true' | 'false' }): Promise<OfficerDto[]> {
  const centerId = centerOf(by);
  return toDtos(deps, centerId, await repo.listOfficers(deps.db, centerId, q.active === undefined ? undefined : q.active === 'true'));
}

/** The officer's full number, to arrange a task (the route audits each read). */
export async function revealOfficerContact(deps: ServiceDeps, by: StaffPrincipal, id: string) {
  const row = await repo.findOfficer(deps.db, id);
  if (!row || !isCenterInScope(by, row.centerId)) throw notFound('体验员');
  return { name: row.name, phone: row.phoneCipher ? decryptField(personalDataKeys(deps.config), 'phone', row.phoneCipher) : null };
}

/** What a task is scheduled with: the officers serving now, the center's published items. */
export async function experienceOptionsOf(deps: ServiceDeps, by: StaffPrincipal) {
  const centerId = centerOf(by);
  const today = businessToday();
  const [officers, items] = await Promise.all([repo.listOfficers(deps.db, centerId, true), listPublishedItemFacts(deps.db, centerId)]);
  return {
    officers: officers.filter((o) => o.termEnd >= today).map((o) => ({ id: o.id, name: o.name, organisation: o.organisation, termStart: o.termStart, termEnd: o.termEnd })),
    items: items.map((i) => ({ id: i.id, name: i.name, code: i.code })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

async function toDtos(deps: ServiceDeps, centerId: string, rows: readonly repo.OfficerRow[]): Promise<OfficerDto[]> {
  const counts = await repo.countTasks(deps.db, centerId);
  const today = businessToday();
  const of = (officerId: string, state?: string) => counts.filter((c) => c.officerId === officerId && (!state || c.state === state)).reduce((n, c) => n + c.n, 0);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    kind: r.kind,
    phoneMasked: r.phoneMasked,
    termStart: r.termStart,
    termEnd: r.termEnd,
    isActive: r.isActive,
    isServing: r.isActive && r.termStart <= today && today <= r.termEnd,
    note: r.note,
    tasks: of(r.id) - of(r.id, 'cancelled'),
    reported: of(r.id, 'reported'),
    version: r.version,
  }));
}
