import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, forbidden, invalidField, notFound } from '../../../platform/errors.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';
import type { ContactDto, ContactRole, PersonDto } from '../contract.ts';
import type { FieldProblem } from '../registry/rules.ts';
import { getEnterprise, rejectProblems, staleVersion } from '../registry/service.ts';
import { decryptField, encryptField, lookupHash, maskIdNumber, maskPhone, normalizePhone, type PersonalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import * as repo from './repository.ts';
import { checkResidentId } from './resident-id.ts';

/**
 * People (applicants, agents, legal representatives). Their ID and phone numbers are stored
 * encrypted and shown masked; reading one record in clear is a separate, audited call.
 */

export type PersonInput = { name: string; idNumber: string; phone: string | null };

/** Checks and encrypts a person's fields: every problem is listed with its field. */
export function preparePerson(keys: PersonalDataKeys, input: PersonInput, today: string): { ok: true; value: repo.PersonWrite } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const id = checkResidentId(input.idNumber, today);
  if (!id.valid) problems.push({ field: 'idNumber', code: 'ID_NUMBER_INVALID', message: id.reason });
  const phone = preparePhone(keys, input.phone);
  if (!phone.ok) problems.push(phone.problem);
  if (!id.valid || !phone.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: input.name.trim(),
      idNumberCipher: encryptField(keys, 'id_number', id.idNumber),
      idNumberHash: lookupHash(keys, 'id_number', id.idNumber),
      idNumberMasked: maskIdNumber(id.idNumber),
      ...phone.value,
    },
  };
}

function preparePhone(keys: PersonalDataKeys, input: string | null) {
  if (input === null || input.trim() === '') return { ok: true as const, value: { phoneCipher: null, phoneHash: null, phoneMasked: null } };
  const phone = normalizePhone(input);
  if (!phone) {
    return { ok: false as const, problem: { field: 'phone', code: 'PHONE_INVALID' as const, message: '电话号码不正确：应为 11 位手机号码或带区号的固定电话' } };
  }
  return {
    ok: true as const,
    value: { phoneCipher: encryptField(keys, 'phone', phone), phoneHash: lookupHash(keys, 'phone', phone), phoneMasked: maskPhone(phone) },
  };
}

/** `recordedCenterId`: the center of the staff member recording the person (see people.recorded_center_id). */
export async function createPerson(db: Db, keys: PersonalDataKeys, input: PersonInput, recordedCenterId: string | null): Promise<PersonDto> {
  const prepared = preparePerson(keys, input, businessToday());
  if (!prepared.ok) rejectProblems(prepared.problems);
  const id = await repo.insertPerson(db, { ...prepared.value, recordedCenterId });
  if (!id) {
    const existing = await repo.findPersonByIdHash(db, prepared.value.idNumberHash);
    throw new AppError('DUPLICATE', `该身份证号码已登记（${existing?.name ?? ''}，${prepared.value.idNumberMasked}）`, [
      { field: 'idNumber', message: '该身份证号码已登记' },
    ]);
  }
  return getPerson(db, id);
}

/** The person with this ID number, created when not yet known (the name is kept as first recorded). */
export async function findOrCreatePerson(db: Db, keys: PersonalDataKeys, input: PersonInput, recordedCenterId: string | null): Promise<PersonDto> {
  const prepared = preparePerson(keys, input, businessToday());
  if (!prepared.ok) rejectProblems(prepared.problems);
  const existing = await repo.findPersonByIdHash(db, prepared.value.idNumberHash);
  if (existing) return toDto(existing);
  const id = await repo.insertPerson(db, { ...prepared.value, recordedCenterId });
  return getPerson(db, id ?? (await repo.findPersonByIdHash(db, prepared.value.idNumberHash))!.id);
}

/**
 * Registers people and links them to enterprises in bulk (demo data): each is checked and
 * encrypted as one by one, then inserted 500 rows per statement in one transaction.
 */
export async function registerContactsInBulk(db: Db, keys: PersonalDataKeys, rows: (PersonInput & { enterpriseId: string; role: ContactRole })[]): Promise<void> {
  const today = businessToday();
  const prepared = rows.map((r) => {
    const p = preparePerson(keys, r, today);
    if (!p.ok) rejectProblems(p.problems);
    return p.value;
  });
  await db.transaction(async (tx) => {
    const ids = await repo.insertPeople(tx, prepared);
    await repo.insertContacts(tx, rows.map((r, i) => ({ enterpriseId: r.enterpriseId, personId: ids.get(prepared[i]!.idNumberHash)!, role: r.role })));
  });
}

export async function updatePerson(db: Db, keys: PersonalDataKeys, id: string, patch: { name?: string; phone?: string | null; version: number }): Promise<PersonDto> {
  await getPerson(db, id);
  const fields: Partial<repo.PersonWrite> = {};
  if (patch.name !== undefined) fields.name = patch.name.trim();
  if (patch.phone !== undefined) {
    const phone = preparePhone(keys, patch.phone);
    if (!phone.ok) rejectProblems([phone.problem]);
    Object.assign(fields, phone.value);
  }
  if (!(await repo.updatePerson(db, id, patch.version, fields))) throw staleVersion();
  return getPerson(db, id);
}

export async function getPerson(db: DbOrTx, id: string): Promise<PersonDto> {
  const row = await repo.findPerson(db, id);
  if (!row) throw notFound('人员');
  return toDto(row);
}

export async function searchPeople(
  db: DbOrTx,
  keys: PersonalDataKeys,
  q: { name?: string; idNumber?: string; phone?: string; page: number; pageSize: number },
): Promise<{ items: PersonDto[]; total: number; page: number; pageSize: number }> {
  const idNumber = q.idNumber?.trim().toUpperCase();
  const phone = q.phone ? normalizePhone(q.phone) : undefined;
  if (q.phone && !phone) throw new AppError('PHONE_INVALID', '电话号码不正确', [{ field: 'phone', message: '电话号码不正确' }]);
  const { rows, total } = await repo.searchPeople(db, {
    name: q.name?.trim() || undefined,
    idNumberHash: idNumber ? lookupHash(keys, 'id_number', idNumber) : undefined,
    phoneHash: phone ? lookupHash(keys, 'phone', phone) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

/** One record in clear, for a staff member whose role may see it; the route audits it with the reason. */
/**
 * The full numbers, for a staff member whose scope includes the center that recorded the person
 * (records without one — earlier versions, the registry import — are open to every center's).
 */
export async function unmaskPerson(db: DbOrTx, keys: PersonalDataKeys, id: string, reader: StaffPrincipal): Promise<{ id: string; name: string; idNumber: string; phone: string | null }> {
  const row = await repo.findCiphers(db, id);
  if (!row) throw notFound('人员');
  if (row.recordedCenterId !== null && !isCenterInScope(reader, row.recordedCenterId)) throw forbidden('只能查看本中心（及所辖中心）登记人员的完整信息');
  return {
    id: row.id,
    name: row.name,
    idNumber: decryptField(keys, 'id_number', row.idNumberCipher),
    phone: row.phoneCipher ? decryptField(keys, 'phone', row.phoneCipher) : null,
  };
}

export async function listContacts(db: DbOrTx, enterpriseId: string): Promise<ContactDto[]> {
  return (await repo.contactsOfEnterprise(db, enterpriseId)).map((c) => ({ id: c.id, role: c.role, person: toDto(c.person) }));
}

export async function enterprisesOfPerson(db: DbOrTx, personId: string) {
  return repo.enterprisesOfPerson(db, personId);
}

export async function addContact(
  db: Db,
  keys: PersonalDataKeys,
  enterpriseId: string,
  input: { role: ContactRole; personId?: string; person?: PersonInput },
  recordedCenterId: string | null,
): Promise<ContactDto> {
  await getEnterprise(db, enterpriseId);
  if (!input.personId === !input.person) throw invalidField('personId', '请选择已有人员，或填写新人员的姓名和身份证号码（二选一）');
  const person = input.personId ? await getPerson(db, input.personId) : await findOrCreatePerson(db, keys, input.person!, recordedCenterId);
  const id = await repo.insertContact(db, enterpriseId, person.id, input.role);
  if (!id) throw new AppError('DUPLICATE', `${person.name}已是该企业的此类联系人`);
  return { id, role: input.role, person };
}

export async function removeContact(db: DbOrTx, enterpriseId: string, contactId: string): Promise<void> {
  if (!(await repo.deleteContact(db, enterpriseId, contactId))) throw notFound('联系人');
}

function toDto(row: repo.PersonRow): PersonDto {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
