import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { describeFiles, openFile, storeFile, type FilePolicy } from '../../platform/files/service.ts';
import type { Config } from '../../config.ts';
import { findEnterpriseByUscc, findOrCreatePerson, personalDataKeys } from '../enterprises/service.ts';
import type { ProfileDto, ProfileInput, TalentCategory } from './contract.ts';
import * as repo from './repository.ts';

/**
 * 人才档案 (6.2.3): who is a talent of which category, employed where, on which certifying
 * document (kept in the file store) valid until when; the talent officer verifies it. People are
 * the enterprises module's (ID numbers sealed, found by their hash).
 */

export type ServiceDeps = { db: Db; config: Config };

export const DOCUMENT_PURPOSE = 'talent_document';
export const DOCUMENT_POLICY: FilePolicy = { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * 1024 * 1024, what: '人才认定证明' };

export async function storeDocument(db: Db, principal: StaffPrincipal, file: { filename: string; content: Buffer }) {
  const stored = await storeFile(db, { ...DOCUMENT_POLICY, purpose: DOCUMENT_PURPOSE, filename: file.filename, content: file.content, createdBy: principal.id });
  return { id: stored.id, filename: stored.filename, size: stored.size };
}

const expired = (field: string, validUntil: string) => {
  const message = `人才认定证明已过期（有效期至 ${validUntil}），请提供有效的证明`;
  return new AppError('DATE_INVALID', message, [{ field, message }]);
};

export async function createProfile(deps: ServiceDeps, principal: StaffPrincipal, input: ProfileInput, now = new Date()): Promise<ProfileDto> {
  const { db } = deps;
  const centerId = principal.centerId;
  if (!centerId) throw forbidden('您未被分配到服务中心，不能登记人才档案');
  const today = businessToday(now);
  if (input.validUntil < today) throw expired('validUntil', input.validUntil);
  if ((await describeFiles(db, [input.documentFileId], DOCUMENT_PURPOSE)).length === 0) throw invalidField('documentFileId', '人才认定证明文件不存在，请重新上传');
  const enterprise = input.uscc ? await findEnterpriseByUscc(db, input.uscc) : null;
  if (input.uscc && !enterprise && input.employerName === '') throw invalidField('uscc', '该统一社会信用代码不在企业库中，请填写工作单位名称');
  const person = await findOrCreatePerson(db, personalDataKeys(deps.config), input.person, centerId);
  const id = await repo.insertProfile(db, {
    centerId,
    personId: person.id,
    personName: person.name,
    enterpriseId: enterprise?.id ?? null,
    employerName: enterprise?.name ?? input.employerName,
    category: input.category,
    documentTitle: input.documentTitle,
    documentFileId: input.documentFileId,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    createdBy: principal.id,
    createdAt: now,
  });
  if (!id) {
    const message = `${person.name}（${person.idNumberMasked}）已有人才档案`;
    throw new AppError('DUPLICATE', message, [{ field: 'person.idNumber', message }]);
  }
  return getProfile(deps, principal, id, now);
}

/** 核验: the talent officer has checked the document; it must still be valid. */
export async function verifyProfile(deps: ServiceDeps, principal: StaffPrincipal, id: string, version: number, now = new Date()): Promise<ProfileDto> {
  const row = await profileFor(deps.db, principal, id);
  if (row.state === 'verified') throw new AppError('ALREADY_VERIFIED', `${row.personName}的人才档案已核验`, [{ field: 'state', message: '已核验' }]);
  if (row.validUntil < businessToday(now)) throw expired('validUntil', row.validUntil);
  if (row.version !== version || !(await repo.verifyProfile(deps.db, id, version, principal.id, now))) {
    throw new AppError('STALE_VERSION', '该人才档案已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  return getProfile(deps, principal, id, now);
}

export async function listProfiles(deps: ServiceDeps, principal: StaffPrincipal, q: { category?: TalentCategory; state?: string; q?: string }, now = new Date()): Promise<ProfileDto[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listProfiles(deps.db, { centerId: principal.centerId, ...q });
  const files = await documentsOf(deps.db, rows);
  return rows.map((r) => toDto(r, files, businessToday(now)));
}

export async function getProfile(deps: ServiceDeps, principal: StaffPrincipal, id: string, now = new Date()): Promise<ProfileDto> {
  const row = await profileFor(deps.db, principal, id);
  return toDto(row, await documentsOf(deps.db, [row]), businessToday(now));
}

export async function openDocument(deps: ServiceDeps, principal: StaffPrincipal, id: string) {
  const row = await profileFor(deps.db, principal, id);
  return openFile(deps.db, row.documentFileId, DOCUMENT_PURPOSE);
}

/** The profile for a request: in the staff member's scope (404 otherwise), verified and valid. */
export async function profileForService(db: DbOrTx, principal: StaffPrincipal, id: string, today: string): Promise<repo.ProfileRow> {
  const row = await profileFor(db, principal, id, 'profileId');
  if (row.state !== 'verified') throw new AppError('INVALID_STATE', `${row.personName}的人才档案尚未核验，请先核验认定证明`, [{ field: 'profileId', message: '人才档案尚未核验' }]);
  if (row.validUntil < today) throw expired('profileId', row.validUntil);
  return row;
}

async function profileFor(db: DbOrTx, principal: StaffPrincipal, id: string, field?: string): Promise<repo.ProfileRow> {
  const row = await repo.findProfile(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) {
    const error = notFound('人才档案');
    throw field ? new AppError('NOT_FOUND', error.userMessage, [{ field, message: error.userMessage }]) : error;
  }
  return row;
}

async function documentsOf(db: DbOrTx, rows: repo.ProfileRow[]) {
  const files = await describeFiles(db, rows.map((r) => r.documentFileId), DOCUMENT_PURPOSE);
  return new Map(files.map((f) => [f.id, { id: f.id, filename: f.filename, size: f.size }]));
}

function toDto(r: repo.ProfileRow, files: Map<string, { id: string; filename: string; size: number }>, today: string): ProfileDto {
  return {
    id: r.id,
    personId: r.personId,
    personName: r.personName,
    idNumberMasked: r.idNumberMasked,
    enterpriseId: r.enterpriseId,
    employerName: r.employerName,
    category: r.category as TalentCategory,
    documentTitle: r.documentTitle,
    document: files.get(r.documentFileId) ?? null,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    isValid: r.validFrom <= today && today <= r.validUntil,
    state: r.state as ProfileDto['state'],
    verifiedByName: r.verifiedByName,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
