import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import { AppError, duplicate, notFound } from '../../platform/errors.ts';
import { enterprisesByIds, findEnterpriseByUscc, getEnterprise, getEnterpriseByUscc } from '../enterprises/service.ts';
import type { LicenseDto, LicenseStatus, LicenseTypeDto } from './contract.ts';
import { deleteFiles, describeFiles, openFile, storeFile, type OpenedFile } from '../../platform/files/service.ts';
import { DOCUMENT_POLICY, DOCUMENT_PURPOSE, renderLicenseSvg } from './documents.ts';
import * as repo from './repository.ts';

/** The e-license library: types, licenses per holder, issuance, revocation, documents. */

const staleVersion = () => new AppError('STALE_VERSION', '该记录已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export { validLicenseCodesByEnterprise } from './matching.ts';

/** Revoked beats everything, then replaced; otherwise expired once the business day is past `validTo`. */
export function licenseStatus(row: { revokedAt: Date | null; supersededAt: Date | null; validTo: string | null }, today: string): LicenseStatus {
  if (row.revokedAt) return 'revoked';
  if (row.supersededAt) return 'superseded';
  if (row.validTo !== null && row.validTo < today) return 'expired';
  return 'valid';
}

export async function listLicenseTypes(db: DbOrTx): Promise<LicenseTypeDto[]> {
  return repo.listTypes(db);
}

export async function getLicenseType(db: DbOrTx, id: string): Promise<LicenseTypeDto> {
  const row = await repo.findType(db, id);
  if (!row) throw notFound('证照类型');
  return row;
}

export async function createLicenseType(db: DbOrTx, input: repo.LicenseTypeCreate): Promise<LicenseTypeDto> {
  const id = await repo.insertType(db, input);
  if (!id) throw duplicate('code', `已有代码为 ${input.code} 或名称为“${input.name}”的证照类型`);
  return getLicenseType(db, id);
}

export async function updateLicenseType(
  db: DbOrTx,
  id: string,
  patch: { name?: string; defaultIssuer?: string; validityYears?: number | null; isActive?: boolean; version: number },
): Promise<LicenseTypeDto> {
  await getLicenseType(db, id);
  const { version, ...fields } = patch;
  if (!(await repo.updateType(db, id, version, fields))) throw staleVersion();
  return getLicenseType(db, id);
}

export type IssueLicenseInput = {
  /** the type by id or by its stable code (e.g. business_license) */
  type: { id: string } | { code: string };
  holder: { uscc: string } | { enterpriseId: string };
  /** omitted: generated (the start date and six random digits) */
  number?: string;
  /** omitted: the type's usual issuer */
  issuer?: string;
  validFrom: string;
  /** omitted: from the type's usual validity; null: long-term */
  validTo?: string | null;
  /** the site (经营场所): required for a per-site type, refused for the others */
  site?: string;
  applicationRef?: string;
};

/**
 * Issues a license into the library. The applications module calls this when it delivers
 * a result as an e-license; administrators reach it through the manual-issue route.
 * A holder holds one current license of a type (of a per-site type, one per site): the new one
 * replaces the current one (变更、延续), which keeps its history with a link to the new one.
 */
export async function issueLicense(db: DbOrTx, input: IssueLicenseInput): Promise<LicenseDto> {
  const type = 'id' in input.type ? await repo.findType(db, input.type.id) : await repo.findTypeByCode(db, input.type.code);
  if (!type) throw notFound('证照类型');
  if (!type.isActive) throw new AppError('INVALID_STATE', `证照类型“${type.name}”已停用`);
  const holder = 'uscc' in input.holder ? await getEnterpriseByUscc(db, input.holder.uscc) : await getEnterprise(db, input.holder.enterpriseId);
  const today = businessToday();
  if (input.validFrom > today) throw new AppError('DATE_INVALID', '有效期起始日期不能晚于今天', [{ field: 'validFrom', message: '不能晚于今天' }]);
  const validTo = input.validTo === undefined ? defaultValidTo(input.validFrom, type.validityYears) : input.validTo;
  if (validTo !== null && validTo < input.validFrom) {
    throw new AppError('DATE_INVALID', '有效期截止日期早于起始日期', [{ field: 'validTo', message: '早于起始日期' }]);
  }
  const issuer = input.issuer?.trim() || type.defaultIssuer;
  if (!issuer) throw new AppError('VALIDATION_FAILED', '请填写发证机关', [{ field: 'issuer', message: '必填' }]);
  const site = siteOf(type, input.site);
  const fields = { typeId: type.id, enterpriseId: holder.id, issuer, validFrom: input.validFrom, validTo, site, applicationRef: input.applicationRef ?? '' };
  const number = input.number?.trim();
  if (number && (await repo.isNumberTaken(db, type.id, number))) throw duplicate('licenseNumber', `“${type.name}”已有编号为 ${number} 的证照`);
  // A refused insert is a generated number already taken, or a license issued at the same moment
  // by another request (it waited for that one): the next round replaces that one in turn.
  const replaced: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    replaced.push(...(await repo.supersedeCurrent(db, { typeId: type.id, enterpriseId: holder.id, site })));
    const id = await repo.insertLicense(db, { ...fields, number: number || generatedNumber(input.validFrom) });
    if (id) {
      await repo.linkSuperseded(db, replaced, id);
      return getLicense(db, id);
    }
    if (number && (await repo.isNumberTaken(db, type.id, number))) throw duplicate('licenseNumber', `“${type.name}”已有编号为 ${number} 的证照`);
  }
  throw new AppError('CONFLICT', '未能签发证照，请重试');
}

function siteOf(type: repo.LicenseTypeRow, given: string | undefined): string {
  const site = given?.trim() ?? '';
  if (type.isPerSite && !site) throw new AppError('VALIDATION_FAILED', `“${type.name}”按经营场所分别核发，请填写经营场所`, [{ field: 'site', message: '必填' }]);
  if (!type.isPerSite && site) throw new AppError('VALIDATION_FAILED', `“${type.name}”不按经营场所核发，无需填写经营场所`, [{ field: 'site', message: '该类证照不填写' }]);
  return site;
}

export type BulkLicense = {
  typeCode: string;
  enterpriseId: string;
  number: string;
  issuer?: string;
  validFrom: string;
  validTo: string | null;
  /** the site of a per-site type's license */
  site?: string;
  /** for records of licenses revoked in the past */
  revokedReason?: string;
  /** the number of the license (same type) this one replaced; that one is marked replaced on this one's start */
  replaces?: string;
};

/** Loads many licenses at once (demo data, migrations from another library), in one transaction. */
export async function issueLicensesInBulk(db: Db, rows: BulkLicense[]): Promise<void> {
  const types = new Map((await repo.listTypes(db)).map((t) => [t.code, t]));
  const today = businessToday();
  const ids = new Map(rows.map((r) => [`${r.typeCode}/${r.number}`, crypto.randomUUID()]));
  const successors = new Map(rows.flatMap((r) => (r.replaces ? [[`${r.typeCode}/${r.replaces}`, r] as const] : [])));
  const writes: repo.BulkLicenseWrite[] = rows.map((r) => {
    const type = types.get(r.typeCode);
    if (!type) throw notFound(`证照类型 ${r.typeCode}`);
    if (r.validFrom > today || (r.validTo !== null && r.validTo < r.validFrom)) throw new AppError('DATE_INVALID', `证照 ${r.number} 的有效期不正确`);
    const next = successors.get(`${r.typeCode}/${r.number}`);
    return {
      id: ids.get(`${r.typeCode}/${r.number}`)!,
      typeId: type.id,
      enterpriseId: r.enterpriseId,
      number: r.number,
      issuer: r.issuer ?? type.defaultIssuer,
      validFrom: r.validFrom,
      validTo: r.validTo,
      applicationRef: '',
      site: r.site ?? '',
      ...(r.revokedReason ? { revokedAt: new Date(`${r.validFrom}T10:00:00+08:00`), revokedReason: r.revokedReason } : {}),
      ...(next ? { supersededAt: new Date(`${next.validFrom}T10:00:00+08:00`), supersededById: ids.get(`${next.typeCode}/${next.number}`)! } : {}),
    };
  });
  // A replaced license refers to its successor: the successors go in first.
  writes.sort((a, b) => Number(a.supersededById !== undefined) - Number(b.supersededById !== undefined));
  await db.transaction((tx) => repo.insertLicenses(tx, writes));
}

export async function getLicense(db: DbOrTx, id: string): Promise<LicenseDto> {
  const row = await repo.findLicense(db, id);
  if (!row) throw notFound('证照');
  return (await toDtos(db, [row]))[0]!;
}

export async function searchLicenses(
  db: DbOrTx,
  f: { q?: string; typeId?: string; status?: LicenseStatus; page: number; pageSize: number },
): Promise<{ items: LicenseDto[]; total: number; page: number; pageSize: number }> {
  const q = f.q?.trim().toUpperCase();
  const holder = q && q.length === 18 ? await findEnterpriseByUscc(db, q) : undefined;
  const { rows, total } = await repo.searchLicenses(db, { enterpriseId: holder?.id, numberPrefix: q || undefined, typeId: f.typeId, status: f.status, today: businessToday(), page: f.page, pageSize: f.pageSize });
  return { items: await toDtos(db, rows), total, page: f.page, pageSize: f.pageSize };
}

/** A holder's licenses, newest first within each type. */
export async function licensesOfHolder(db: DbOrTx, enterpriseId: string, filter: { typeIds?: string[]; isValidOnly?: boolean } = {}): Promise<LicenseDto[]> {
  const rows = await repo.licensesOf(db, enterpriseId, { typeIds: filter.typeIds, validOn: filter.isValidOnly ? businessToday() : undefined });
  return toDtos(db, rows);
}

export async function licensesByIds(db: DbOrTx, ids: string[]): Promise<LicenseDto[]> {
  return toDtos(db, await repo.findLicensesByIds(db, ids));
}

export async function revokeLicense(db: DbOrTx, id: string, input: { reason: string; version: number; by: string }): Promise<LicenseDto> {
  const current = await repo.findLicense(db, id);
  if (!current) throw notFound('证照');
  if (current.revokedAt) throw new AppError('INVALID_STATE', '该证照已被吊销或撤销');
  if (!(await repo.revokeLicense(db, id, input.version, input.reason, input.by))) throw staleVersion();
  return getLicense(db, id);
}

export async function uploadLicenseDocument(db: Db, id: string, file: { filename: string; content: Buffer }, by = ''): Promise<LicenseDto> {
  await db.transaction(async (tx) => {
    const stored = await storeFile(tx, { ...DOCUMENT_POLICY, purpose: DOCUMENT_PURPOSE, filename: file.filename, content: file.content, createdBy: by });
    const set = await repo.setDocument(tx, id, stored.id);
    if (!set) throw notFound('证照');
    if (set.replacedFileId) await deleteFiles(tx, [set.replacedFileId]);
  });
  return getLicense(db, id);
}

export type LicenseDocument = { kind: 'stored'; file: OpenedFile } | { kind: 'rendered'; mediaType: string; filename: string; content: Buffer };

/** The document: the uploaded file, or the license rendered from its record. */
export async function licenseDocument(db: DbOrTx, id: string): Promise<LicenseDocument> {
  const row = await repo.findLicense(db, id);
  if (!row) throw notFound('证照');
  if (row.documentFileId) return { kind: 'stored', file: await openFile(db, row.documentFileId, DOCUMENT_PURPOSE) };
  if (row.documentPath) throw new AppError('NOT_FOUND', '证照文件不存在或已被移除，请重新上传');
  const dto = (await toDtos(db, [row]))[0]!;
  const svg = await renderLicenseSvg({
    typeName: dto.type.name,
    number: dto.number,
    holderName: dto.holder.name,
    uscc: dto.holder.uscc,
    issuer: dto.issuer,
    validFrom: dto.validFrom,
    validTo: dto.validTo,
    status: dto.status,
  });
  return { kind: 'rendered', mediaType: 'image/svg+xml', filename: `${dto.type.name}-${dto.number}.svg`, content: Buffer.from(svg) };
}

function defaultValidTo(validFrom: string, years: number | null): string | null {
  if (years === null) return null;
  const d = new Date(`${validFrom}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function generatedNumber(validFrom: string): string {
  return `${validFrom.replaceAll('-', '')}${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

async function toDtos(db: DbOrTx, rows: repo.LicenseRow[]): Promise<LicenseDto[]> {
  const types = new Map((await repo.listTypes(db)).map((t) => [t.id, t]));
  const holders = await enterprisesByIds(db, rows.map((r) => r.enterpriseId));
  const documents = new Map((await describeFiles(db, rows.flatMap((r) => r.documentFileId ?? []), DOCUMENT_PURPOSE)).map((f) => [f.id, f]));
  const successors = await repo.numbersOf(db, rows.flatMap((r) => r.supersededById ?? []));
  const today = businessToday();
  return rows.map((r) => {
    const type = types.get(r.typeId)!;
    const holder = holders.get(r.enterpriseId)!;
    return {
      id: r.id,
      type: { id: type.id, code: type.code, name: type.name },
      holder: { enterpriseId: holder.id, uscc: holder.uscc, name: holder.name },
      number: r.number,
      issuer: r.issuer,
      validFrom: r.validFrom,
      validTo: r.validTo,
      status: licenseStatus(r, today),
      applicationRef: r.applicationRef,
      site: r.site,
      supersededBy: r.supersededAt && r.supersededById ? { id: r.supersededById, number: successors.get(r.supersededById) ?? '', at: r.supersededAt.toISOString() } : null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revokedReason: r.revokedReason,
      document: documentOf(r, type.name, documents),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

function documentOf(r: repo.LicenseRow, typeName: string, stored: Map<string, { filename: string; mediaType: string }>): LicenseDto['document'] {
  const file = r.documentFileId ? stored.get(r.documentFileId) : undefined;
  if (file) return { isUploaded: true, name: file.filename, mediaType: file.mediaType };
  // A document left on disk that the upgrade could not move: shown as uploaded, served as missing.
  if (r.documentPath) return { isUploaded: true, name: r.documentName ?? '', mediaType: '' };
  return { isUploaded: false, name: `${typeName}-${r.number}.svg`, mediaType: 'image/svg+xml' };
}
