import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, duplicate, notFound } from '../../../platform/errors.ts';
import * as venue from '../../venue/service.ts';
import type { EnterpriseDto, EnterpriseInput, EnterprisePage, EnterprisePatch, EnterpriseSearch, EnterpriseType } from '../contract.ts';
import { industryByCode, lookupIndustry } from '../industry/industry-codes.ts';
import * as repo from './repository.ts';
import { checkEnterpriseFields, checkUsccField, type EnterpriseFields, type FieldProblem } from './rules.ts';

/** Clause 6.3.3 and the applications' applicant: the enterprise registry. */

export const staleVersion = () =>
  new AppError('STALE_VERSION', '该记录已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

/** Throws the first problem's code with every problem listed by field. */
export function rejectProblems(problems: FieldProblem[]): never {
  const first = problems[0]!;
  throw new AppError(first.code, first.message, problems.map(({ field, message }) => ({ field, message })));
}

export async function registerEnterprise(db: Db, input: EnterpriseInput): Promise<EnterpriseDto> {
  const code = checkUsccField(input.uscc);
  const fields = checkEnterpriseFields(withoutUscc(input), businessToday());
  const problems = [...(code.ok ? [] : [code.problem]), ...(fields.ok ? [] : fields.problems)];
  if (problems.length > 0 || !code.ok || !fields.ok) rejectProblems(problems);
  const id = await repo.insertEnterprise(db, code.uscc, toWrite(fields.value));
  if (!id) throw duplicate('uscc', `统一社会信用代码 ${code.uscc} 已登记`);
  return getEnterprise(db, id);
}

/**
 * Registers many enterprises at once (demo data, trusted feeds): every row is checked by the
 * same rules, then all are inserted in one transaction, 500 rows per statement.
 */
export async function registerEnterprisesInBulk(db: Db, inputs: EnterpriseInput[]): Promise<Map<string, string>> {
  const today = businessToday();
  const rows = inputs.map((input) => {
    const code = checkUsccField(input.uscc);
    const fields = checkEnterpriseFields(withoutUscc(input), today);
    if (!code.ok || !fields.ok) rejectProblems([...(code.ok ? [] : [code.problem]), ...(fields.ok ? [] : fields.problems)]);
    return { uscc: code.uscc, ...toWrite(fields.value) };
  });
  return db.transaction((tx) => repo.insertEnterprises(tx, rows));
}

/** Ids of registered enterprises by code. */
export async function enterpriseIdsByUscc(db: DbOrTx, usccs: string[]): Promise<Map<string, string>> {
  return new Map((await repo.idsByUscc(db, usccs)).map((r) => [r.uscc, r.id]));
}

export async function countEnterprises(db: DbOrTx): Promise<number> {
  return repo.countAll(db);
}

/** Changes the fields given; the size class is worked out again from the result. */
export async function updateEnterprise(db: Db, id: string, patch: EnterprisePatch): Promise<EnterpriseDto> {
  const current = await repo.findById(db, id);
  if (!current) throw notFound('企业');
  const { version, ...changes } = patch;
  const merged = { ...rowFields(current), ...changes };
  const fields = checkEnterpriseFields(merged, businessToday());
  if (!fields.ok) rejectProblems(fields.problems);
  if (!(await repo.updateEnterprise(db, id, version, toWrite(fields.value)))) throw staleVersion();
  return getEnterprise(db, id);
}

export async function getEnterprise(db: DbOrTx, id: string): Promise<EnterpriseDto> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('企业');
  return toDto(row, await regionNames(db));
}

/** The registered enterprise with this code, or undefined (the code is read in any case). */
export async function findEnterpriseByUscc(db: DbOrTx, uscc: string): Promise<EnterpriseDto | undefined> {
  const row = await repo.findByUscc(db, uscc.trim().toUpperCase());
  return row ? toDto(row, await regionNames(db)) : undefined;
}

export async function getEnterpriseByUscc(db: DbOrTx, uscc: string): Promise<EnterpriseDto> {
  const found = await findEnterpriseByUscc(db, uscc);
  if (!found) throw new AppError('NOT_FOUND', `统一社会信用代码为 ${uscc} 的企业尚未在企业库登记`);
  return found;
}

export async function enterprisesByIds(db: DbOrTx, ids: string[]): Promise<Map<string, EnterpriseDto>> {
  const names = await regionNames(db);
  return new Map((await repo.findByIds(db, [...new Set(ids)])).map((r) => [r.id, toDto(r, names)]));
}

export async function searchEnterprises(db: DbOrTx, filter: EnterpriseSearch): Promise<EnterprisePage> {
  let industryPrefix: string | undefined;
  if (filter.industry) {
    const found = lookupIndustry(filter.industry);
    if (!found.ok) throw new AppError('INDUSTRY_UNKNOWN', `行业代码不正确：${found.reason}`, [{ field: 'industry', message: found.reason }]);
    industryPrefix = found.industry.code;
  }
  const { rows, total } = await repo.searchEnterprises(db, { ...filter, industryPrefix });
  const names = await regionNames(db);
  return { items: rows.map((r) => toDto(r, names)), total, page: filter.page, pageSize: filter.pageSize };
}

export async function listTowns(db: DbOrTx): Promise<{ districtCode: string; town: string }[]> {
  return repo.listTowns(db);
}

export function toWrite(f: EnterpriseFields): repo.EnterpriseWrite {
  return {
    name: f.name,
    type: f.type,
    legalRepresentative: f.legalRepresentative,
    registeredAddress: f.registeredAddress,
    districtCode: f.districtCode,
    town: f.town,
    registrationDate: f.registrationDate,
    industryCode: f.industryCode,
    employees: f.employees,
    revenue: f.revenue,
    assets: f.assets,
    sizeClass: f.sizeClass,
    sizeReason: f.sizeReason,
    tags: f.tags,
  };
}

function withoutUscc({ uscc: _, ...rest }: EnterpriseInput) {
  return rest;
}

function rowFields(row: repo.EnterpriseRow) {
  return {
    name: row.name,
    type: row.type as EnterpriseType,
    legalRepresentative: row.legalRepresentative,
    registeredAddress: row.registeredAddress,
    districtCode: row.districtCode,
    town: row.town,
    registrationDate: row.registrationDate,
    industryCode: row.industryCode,
    employees: row.employees,
    revenue: row.revenue,
    assets: row.assets,
    tags: row.tags,
  };
}

/** GB/T 2260 names the center knows (the regions table), for showing a district by name. */
async function regionNames(db: DbOrTx): Promise<Map<string, string>> {
  return new Map((await venue.listRegions(db)).map((r) => [r.code, r.name]));
}

function toDto({ industryCode, ...row }: repo.EnterpriseRow, names: Map<string, string>): EnterpriseDto {
  const industry = industryByCode(industryCode);
  return {
    ...row,
    type: row.type as EnterpriseType,
    districtName: names.get(row.districtCode) ?? null,
    industry: { code: industryCode, name: industry?.name ?? '', path: industry?.path ?? [] },
    revenue: row.revenue === null ? null : Number(row.revenue),
    assets: row.assets === null ? null : Number(row.assets),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
