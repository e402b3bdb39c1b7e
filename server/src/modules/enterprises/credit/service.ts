import type { DbOrTx } from '../../../platform/db/database.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { CreditDecision, CreditKind, CreditRecordDto, CreditStatusDto } from '../contract.ts';
import { getPerson } from '../people/service.ts';
import { findEnterpriseByUscc, getEnterprise, staleVersion } from '../registry/service.ts';
import * as repo from './repository.ts';

/**
 * Credit records and what they bar (FACTS §8), as data: an unrepaired serious bad-credit
 * record or a past false commitment bars the commitment route (A.4.3); a serious bad-credit
 * record bars deferred-material acceptance too. Being on the dishonesty list (the sanction of
 * A.9.3 for deferred materials not supplied) bars both. Each bar lasts until the record is repaired.
 */
export const CREDIT_BARS = {
  commitment: { route: '告知承诺制', clause: 'A.4.3', kinds: ['serious_bad_credit', 'false_commitment', 'dishonesty_list'] },
  deferredMaterials: { route: '容缺受理', clause: 'A.9.3', kinds: ['serious_bad_credit', 'dishonesty_list'] },
} as const satisfies Record<string, { route: string; clause: string; kinds: readonly CreditKind[] }>;

export const CREDIT_KIND_NAMES: Record<CreditKind, string> = {
  serious_bad_credit: '严重失信（较严重的不良信用记录）',
  false_commitment: '虚假承诺',
  dishonesty_list: '列入失信名单',
};

/** Who applies: a registered enterprise (by code or id) or a person. */
export type Applicant = { uscc: string } | { enterpriseId: string } | { personId: string };

/** May this applicant choose the commitment route (告知承诺)? With the reason when not. */
export async function mayUseCommitment(db: DbOrTx, applicant: Applicant): Promise<CreditDecision> {
  return decide(db, applicant, 'commitment');
}

/** May this applicant be accepted with deferred materials (容缺受理)? With the reason when not. */
export async function mayUseDeferredMaterials(db: DbOrTx, applicant: Applicant): Promise<CreditDecision> {
  return decide(db, applicant, 'deferredMaterials');
}

async function decide(db: DbOrTx, applicant: Applicant, route: keyof typeof CREDIT_BARS): Promise<CreditDecision> {
  const subject = await subjectOf(db, applicant);
  if (!subject) return { allowed: true };
  return decisionFrom(await repo.unrepairedOf(db, subject, CREDIT_BARS[route].kinds), route);
}

function decisionFrom(unrepaired: { kind: CreditKind; source: string; recordedOn: string }[], route: keyof typeof CREDIT_BARS): CreditDecision {
  const bar = CREDIT_BARS[route];
  const barring = unrepaired.filter((r) => (bar.kinds as readonly CreditKind[]).includes(r.kind));
  if (barring.length === 0) return { allowed: true };
  const listed = barring.map((r) => `${CREDIT_KIND_NAMES[r.kind]}（${r.source}，${r.recordedOn}）`).join('；');
  return { allowed: false, reason: `存在未修复的信用记录：${listed}。信用修复前不适用${bar.route}（${bar.clause}）` };
}

/** The records of an enterprise or person and what they bar now. */
export async function creditStatusOf(db: DbOrTx, subject: { enterpriseId: string } | { personId: string }): Promise<CreditStatusDto> {
  const records = await repo.recordsOf(db, subject);
  const unrepaired = records.filter((r) => r.repairedOn === null);
  return {
    commitment: decisionFrom(unrepaired, 'commitment'),
    deferredMaterials: decisionFrom(unrepaired, 'deferredMaterials'),
    records: records.map(toDto),
  };
}

export type CreditEntry = {
  kind: CreditKind;
  source: string;
  sourceReference?: string;
  description?: string;
  recordedOn: string;
  recordedBy?: string;
};

/**
 * Adds a record; the applications module calls this when a promise proves false or deferred
 * materials are not supplied in time (A.9.3: the applicant goes on the dishonesty list).
 */
export async function recordCreditEntry(db: DbOrTx, applicant: Applicant, entry: CreditEntry): Promise<CreditRecordDto> {
  const subject = await subjectOf(db, applicant);
  if (!subject) throw new AppError('NOT_FOUND', '申请人尚未在企业库登记，无法记录信用信息');
  if (entry.recordedOn > businessToday()) {
    throw new AppError('DATE_INVALID', `记录日期 ${entry.recordedOn} 晚于今天`, [{ field: 'recordedOn', message: '不能晚于今天' }]);
  }
  const id = await repo.insertRecord(db, {
    enterpriseId: 'enterpriseId' in subject ? subject.enterpriseId : null,
    personId: 'personId' in subject ? subject.personId : null,
    kind: entry.kind,
    source: entry.source,
    sourceReference: entry.sourceReference ?? '',
    description: entry.description ?? '',
    recordedOn: entry.recordedOn,
    recordedBy: entry.recordedBy ?? '',
  });
  return toDto((await repo.findRecord(db, id))!);
}

/** Credit repair (信用修复): the record stays, marked repaired from that date. */
export async function repairCreditRecord(db: DbOrTx, id: string, input: { repairedOn: string; note: string; version: number }): Promise<CreditRecordDto> {
  const record = await repo.findRecord(db, id);
  if (!record) throw notFound('信用记录');
  if (record.repairedOn) throw new AppError('INVALID_STATE', `该记录已于 ${record.repairedOn} 修复`);
  if (input.repairedOn < record.recordedOn || input.repairedOn > businessToday()) {
    throw new AppError('DATE_INVALID', `修复日期应在记录日期 ${record.recordedOn} 与今天之间`, [{ field: 'repairedOn', message: '日期不在允许范围内' }]);
  }
  if (!(await repo.repairRecord(db, id, input.version, input.repairedOn, input.note))) throw staleVersion();
  return toDto((await repo.findRecord(db, id))!);
}

export async function listCreditRecords(db: DbOrTx, subject: { enterpriseId: string } | { personId: string }): Promise<CreditRecordDto[]> {
  return (await repo.recordsOf(db, subject)).map(toDto);
}

/** Many enterprise records at once (demo data, feeds from 信用中国); dates are checked as one by one. */
export async function recordCreditEntriesInBulk(db: DbOrTx, rows: (CreditEntry & { enterpriseId: string; repairedOn?: string | null; repairNote?: string })[]): Promise<void> {
  const today = businessToday();
  for (const r of rows) {
    if (r.recordedOn > today || (r.repairedOn && (r.repairedOn < r.recordedOn || r.repairedOn > today))) {
      throw new AppError('DATE_INVALID', `信用记录日期不正确：${r.recordedOn} / ${r.repairedOn ?? ''}`);
    }
  }
  await repo.insertRecords(
    db,
    rows.map((r) => ({
      enterpriseId: r.enterpriseId,
      personId: null,
      kind: r.kind,
      source: r.source,
      sourceReference: r.sourceReference ?? '',
      description: r.description ?? '',
      recordedOn: r.recordedOn,
      recordedBy: r.recordedBy ?? '',
      repairedOn: r.repairedOn ?? null,
      repairNote: r.repairNote ?? '',
    })),
  );
}

async function subjectOf(db: DbOrTx, applicant: Applicant): Promise<{ enterpriseId: string } | { personId: string } | null> {
  if ('uscc' in applicant) {
    const found = await findEnterpriseByUscc(db, applicant.uscc);
    return found ? { enterpriseId: found.id } : null;
  }
  if ('enterpriseId' in applicant) {
    await getEnterprise(db, applicant.enterpriseId);
    return { enterpriseId: applicant.enterpriseId };
  }
  await getPerson(db, applicant.personId);
  return { personId: applicant.personId };
}

function toDto(row: repo.CreditRow): CreditRecordDto {
  return { ...row, isRepaired: row.repairedOn !== null, createdAt: row.createdAt.toISOString() };
}
