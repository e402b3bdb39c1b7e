import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../../platform/errors.ts';
import { describeFiles, openFile, storeFile, type FilePolicy } from '../../../platform/files/service.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import type { ImprovementDto } from '../improvements/contract.ts';
import * as improvements from '../improvements/repository.ts';
import { createImprovement } from '../improvements/service.ts';
import type { AssessmentKind, FindingDto, ReportDetail, ReportInput, ReportSummary, ReportUpdate } from './contract.ts';
import * as repo from './repository.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 自我评价 and 第三方评估 (9.1.1): the reports of the center's own evaluations and of outside
 * evaluators, each with its period, summary, report file (the platform's file store) and
 * findings; a finding raises one improvement (9.4) whose source is the kind of report.
 */

export const REPORT_FILE_PURPOSE = 'assessment_report';
export const REPORT_FILE_POLICY: FilePolicy = { allowed: ['pdf', 'docx', 'doc', 'xlsx', 'xls', 'jpg', 'png'], maxBytes: 20 * 1024 * 1024, what: '评价报告文件' };

const KIND_LABELS: Record<AssessmentKind, string> = { self: '自我评价', third_party: '第三方评估' };
const IMPROVEMENT_SOURCE: Record<AssessmentKind, ImprovementDto['sourceType']> = { self: 'self_evaluation', third_party: 'third_party' };

export async function storeReportFile(db: Db, principal: StaffPrincipal, file: { filename: string; content: Buffer }) {
  const stored = await storeFile(db, { ...REPORT_FILE_POLICY, purpose: REPORT_FILE_PURPOSE, filename: file.filename, content: file.content, createdBy: principal.id });
  return { id: stored.id, filename: stored.filename, size: stored.size };
}

export async function createReport(deps: ServiceDeps, principal: StaffPrincipal, input: ReportInput, now = new Date()): Promise<ReportDetail> {
  const centerId = principal.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  await requireFile(deps.db, input.fileId);
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.insertReport(tx, { centerId, ...header(input), createdBy: principal.id, createdAt: now });
    await repo.appendFindings(tx, row.id, input.findings);
    return row.id;
  });
  return getReport(deps, principal, id);
}

export async function updateReport(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: ReportUpdate): Promise<ReportDetail> {
  await requireFile(deps.db, input.fileId);
  await deps.db.transaction(async (tx) => {
    const row = await reportFor(tx, principal, id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION', '该评价报告已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    await repo.updateReport(tx, row.id, header(input));
  });
  return getReport(deps, principal, id);
}

export async function addFinding(deps: ServiceDeps, principal: StaffPrincipal, id: string, finding: { problem: string; recommendation: string }): Promise<ReportDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await reportFor(tx, principal, id, true);
    await repo.appendFindings(tx, row.id, [finding]);
  });
  return getReport(deps, principal, id);
}

/**
 * Raises the improvement of a finding (once): its source is the kind of report, its source note
 * names the report and the finding. The improvement and the link to it are one transaction.
 */
export async function raiseImprovement(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  input: { id: string; findingId: string; target: string; measures: string; ownerId: string; dueOn: string },
  now = new Date(),
): Promise<ReportDetail> {
  if (!principal.permissions.has('assessment.manage')) throw forbidden('只有评价报告的管理人员可以由评价发现提出改进');
  await deps.db.transaction(async (tx) => {
    const report = await reportFor(tx, principal, input.id);
    const finding = await repo.lockFinding(tx, input.findingId);
    if (!finding || finding.reportId !== report.id) throw notFound('评价发现');
    if (finding.improvementId) throw new AppError('DUPLICATE', '该评价发现已提出改进事项', [{ field: 'findingId', message: '已提出改进' }]);
    const kind = report.kind as AssessmentKind;
    const sourceNote = `${KIND_LABELS[kind]}《${report.title}》：${finding.problem}`.slice(0, 500);
    const created = await createImprovement(
      { db: tx as unknown as Db, config: deps.config },
      principal,
      { sourceType: IMPROVEMENT_SOURCE[kind], sourceNote, target: input.target, measures: input.measures, ownerId: input.ownerId, dueOn: input.dueOn },
      now,
    );
    await repo.setFindingImprovement(tx, finding.id, created.id);
  });
  return getReport(deps, principal, input.id);
}

export async function listReports(deps: ServiceDeps, principal: StaffPrincipal, q: { kind?: AssessmentKind }): Promise<ReportSummary[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listReports(deps.db, { centerId: principal.centerId, kind: q.kind });
  return summaries(deps.db, principal.centerId, rows);
}

export async function getReport(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<ReportDetail> {
  const row = await reportFor(deps.db, principal, id);
  const [[summary], findings, files, dir] = await Promise.all([
    summaries(deps.db, row.centerId, [row]),
    repo.listFindings(deps.db, row.id),
    describeFiles(deps.db, row.fileId ? [row.fileId] : [], REPORT_FILE_PURPOSE),
    directoryOf(deps.db, row.centerId),
  ]);
  const raised = new Map((await improvements.findImprovements(deps.db, findings.flatMap((f) => (f.improvementId ? [f.improvementId] : [])))).map((i) => [i.id, i]));
  return {
    ...summary!,
    summary: row.summary,
    file: files[0] ? { id: files[0].id, filename: files[0].filename, size: files[0].size } : null,
    findings: findings.map((f): FindingDto => {
      const i = f.improvementId ? raised.get(f.improvementId) : undefined;
      return {
        id: f.id,
        position: f.position,
        problem: f.problem,
        recommendation: f.recommendation,
        improvement: i ? { id: i.id, target: i.target, ownerName: dir.staff(i.ownerId), dueOn: i.dueOn, state: i.state as ImprovementDto['state'] } : null,
      };
    }),
  };
}

/** The report's file, for download (only a file stored for a report: another purpose is not served). */
export async function openReportFile(deps: ServiceDeps, principal: StaffPrincipal, id: string) {
  const row = await reportFor(deps.db, principal, id);
  if (!row.fileId) throw notFound('评价报告文件');
  return openFile(deps.db, row.fileId, REPORT_FILE_PURPOSE);
}

async function reportFor(db: DbOrTx, principal: StaffPrincipal, id: string, lock = false): Promise<repo.ReportRow> {
  const row = await repo.findReport(db, id, { lock });
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('评价报告');
  return row;
}

async function requireFile(db: Db, fileId: string | null): Promise<void> {
  if (fileId && (await describeFiles(db, [fileId], REPORT_FILE_PURPOSE)).length === 0) throw invalidField('fileId', '报告文件不存在，请重新上传');
}

function header(input: Omit<ReportUpdate, 'version'>) {
  return {
    kind: input.kind,
    title: input.title,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    evaluatorOrg: input.kind === 'third_party' ? input.evaluatorOrg : '',
    summary: input.summary,
    fileId: input.fileId,
  };
}

async function summaries(db: Db, centerId: string, rows: repo.ReportRow[]): Promise<ReportSummary[]> {
  const [counts, dir] = await Promise.all([repo.countFindings(db, rows.map((r) => r.id)), directoryOf(db, centerId)]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as AssessmentKind,
    title: r.title,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    evaluatorOrg: r.evaluatorOrg,
    findingCount: counts.get(r.id)?.findings ?? 0,
    improvementCount: counts.get(r.id)?.improvements ?? 0,
    hasFile: r.fileId !== null,
    createdByName: dir.staff(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}
