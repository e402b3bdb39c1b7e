import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { ImprovementDto } from '../improvements/contract.ts';
import type { ReportDetail, ReportSummary } from './contract.ts';

/**
 * Self-evaluation and third-party evaluation reports through HTTP: recorded with their file and
 * findings, bad input refused with nothing stored, a finding raising one improvement whose source
 * is the kind of report, and who may do what.
 */

let t: TestApp;
let api: TestApi;
let manager: string;
let auditor: string;
let complaints: string;
let clerk: string;
let reviewerId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [manager, auditor, complaints, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('auditor'), t.loginAs('complaints'), t.loginAs('clerk')]);
  reviewerId = (await api.ok<{ id: string; username: string }[]>('GET', '/api/staff', manager)).find((s) => s.username === 'reviewer')!.id;
});
afterAll(async () => {
  await t.close();
});

const THIRD_PARTY = {
  kind: 'third_party',
  title: '2025 年度政务服务第三方评估报告',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  evaluatorOrg: '广东省某某政务服务评估研究院',
  summary: '综合得分 91.2 分，办事指南准确性、一次性告知落实较好；午间服务和停车引导有待改进。',
  findings: [
    { problem: '午间 12:00–13:30 仅 2 个综合窗口开放，等候时间较长', recommendation: '实行午间轮岗，开放不少于 4 个窗口' },
    { problem: '停车场入口无引导标识', recommendation: '' },
  ],
};

describe('evaluation reports', () => {
  it('are recorded with their file and findings, read by auditors, written by managers only', async () => {
    const upload = await api.upload('/api/assessment-files', manager, { filename: '第三方评估报告.pdf', content: PDF });
    expect(upload.statusCode).toBe(201);
    const file = upload.json() as { id: string; filename: string };
    expect((await api.upload('/api/assessment-files', clerk, { filename: 'x.pdf', content: PDF })).statusCode).toBe(403);
    const notAReport = await api.upload('/api/assessment-files', manager, { filename: '报告.pdf', content: Buffer.from('just text, not a pdf') });
    expect(notAReport.statusCode).toBe(415);

    const created = await api.ok<ReportDetail>('POST', '/api/assessments', manager, { ...THIRD_PARTY, fileId: file.id });
    expect(created).toMatchObject({ kind: 'third_party', evaluatorOrg: THIRD_PARTY.evaluatorOrg, findingCount: 2, improvementCount: 0, hasFile: true, file: { filename: '第三方评估报告.pdf' } });
    expect(created.findings.map((f) => [f.position, f.improvement])).toEqual([[1, null], [2, null]]);

    const download = await api.call('GET', `/api/assessments/${created.id}/file`, auditor);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await api.ok<ReportSummary[]>('GET', '/api/assessments?kind=third_party', auditor)).map((r) => r.id)).toContain(created.id);
    expect((await api.call('GET', '/api/assessments', clerk)).statusCode).toBe(403);
    expect((await api.call('POST', '/api/assessments', auditor, THIRD_PARTY)).statusCode).toBe(403);

    const self = await api.ok<ReportDetail>('POST', '/api/assessments', manager, { kind: 'self', title: '2026 年上半年自我评价', periodFrom: '2026-01-01', periodTo: '2026-06-30', evaluatorOrg: '不应保留', summary: '对照 5.1.4 各项指标自查。' });
    expect(self).toMatchObject({ kind: 'self', evaluatorOrg: '', findingCount: 0, file: null });
    const more = await api.ok<ReportDetail>('POST', `/api/assessments/${self.id}/findings`, manager, { problem: '诉求响应率 98.6%，未达 100%' });
    expect(more.findings).toMatchObject([{ position: 1, problem: '诉求响应率 98.6%，未达 100%', recommendation: '' }]);
    const updated = await api.ok<ReportDetail>('PUT', `/api/assessments/${self.id}`, manager, { version: more.version, kind: 'self', title: '2026 年上半年自我评价报告', periodFrom: '2026-01-01', periodTo: '2026-06-30', summary: '修订摘要' });
    expect(updated).toMatchObject({ title: '2026 年上半年自我评价报告', summary: '修订摘要', findingCount: 1 });
    expect((await api.call('PUT', `/api/assessments/${self.id}`, manager, { version: more.version, kind: 'self', title: 'x', periodFrom: '2026-01-01', periodTo: '2026-06-30', summary: 'x' })).json().code).toBe('STALE_VERSION');
  });

  it('refuses bad input with a 400 naming the field and stores nothing', async () => {
    const before = (await api.ok<ReportSummary[]>('GET', '/api/assessments', manager)).length;
    const cases: [object, string][] = [
      [{ ...THIRD_PARTY, evaluatorOrg: '' }, 'evaluatorOrg'],
      [{ ...THIRD_PARTY, periodFrom: '2026-01-01', periodTo: '2025-12-31' }, 'periodTo'],
      [{ ...THIRD_PARTY, kind: 'external' }, 'kind'],
      [{ ...THIRD_PARTY, title: '  ' }, 'title'],
      [{ ...THIRD_PARTY, findings: [{ problem: '' }] }, 'findings.0.problem'],
      [{ ...THIRD_PARTY, periodTo: '2025-13-01' }, 'periodTo'],
      [{ ...THIRD_PARTY, fileId: '00000000-0000-4000-8000-000000000000' }, 'fileId'],
      [{ ...THIRD_PARTY, fileId: 'abc' }, 'fileId'],
    ];
    for (const [body, field] of cases) {
      const res = await api.call('POST', '/api/assessments', manager, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api.ok<ReportSummary[]>('GET', '/api/assessments', manager)).length).toBe(before);
  });

  it('lets a finding raise one improvement, sourced from the kind of report and re-checked like any other', async () => {
    const report = await api.ok<ReportDetail>('POST', '/api/assessments', manager, THIRD_PARTY);
    const [noon, parking] = report.findings;
    const body = { target: '午间不少于 4 个综合窗口', measures: '综合窗口实行午间轮岗', ownerId: reviewerId, dueOn: addDays(businessToday(), 30) };

    // the complaint office raises improvements but does not manage evaluation reports
    expect((await api.call('POST', `/api/assessments/${report.id}/findings/${noon!.id}/improvement`, complaints, body)).statusCode).toBe(403);
    const badOwner = await api.call('POST', `/api/assessments/${report.id}/findings/${noon!.id}/improvement`, manager, { ...body, ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().fields[0].field).toBe('ownerId');
    expect((await api.call('POST', `/api/assessments/${report.id}/findings/${noon!.id}/improvement`, manager, { ...body, target: '' })).json().fields[0].field).toBe('target');

    const raised = await api.ok<ReportDetail>('POST', `/api/assessments/${report.id}/findings/${noon!.id}/improvement`, manager, body);
    const improvement = raised.findings[0]!.improvement!;
    expect(improvement).toMatchObject({ target: body.target, state: 'open', ownerName: expect.any(String) });
    expect(raised.findings[1]!.improvement).toBeNull();
    expect(raised.improvementCount).toBe(1);
    const twice = await api.call('POST', `/api/assessments/${report.id}/findings/${noon!.id}/improvement`, manager, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DUPLICATE');
    const other = await api.ok<ReportDetail>('POST', '/api/assessments', manager, { ...THIRD_PARTY, findings: [] });
    expect((await api.call('POST', `/api/assessments/${other.id}/findings/${parking!.id}/improvement`, manager, body)).statusCode).toBe(404);

    const listed = await api.ok<ImprovementDto>('GET', `/api/improvements/${improvement.id}`, manager);
    expect(listed).toMatchObject({ sourceType: 'third_party', sourceNote: `第三方评估《${THIRD_PARTY.title}》：${noon!.problem}` });

    // the improvement goes on in the existing loop: the owner submits, someone else re-checks, the report shows it
    const reviewer = await t.loginAs('reviewer');
    const submitted = await api.ok<ImprovementDto>('POST', `/api/improvements/${improvement.id}/submission`, reviewer, { version: listed.version, result: '已实行午间轮岗' });
    await api.ok('POST', `/api/improvements/${improvement.id}/recheck`, manager, { version: submitted.version, outcome: 'passed', note: '抽查属实' });
    expect((await api.ok<ReportDetail>('GET', `/api/assessments/${report.id}`, auditor)).findings[0]!.improvement!.state).toBe('passed');

    const self = await api.ok<ReportDetail>('POST', '/api/assessments', manager, { kind: 'self', title: '季度自查', periodFrom: '2026-01-01', periodTo: '2026-03-31', summary: '自查', findings: [{ problem: '一次性告知单抽查有遗漏' }] });
    const fromSelf = await api.ok<ReportDetail>('POST', `/api/assessments/${self.id}/findings/${self.findings[0]!.id}/improvement`, manager, body);
    expect((await api.ok<ImprovementDto>('GET', `/api/improvements/${fromSelf.findings[0]!.improvement!.id}`, manager)).sourceType).toBe('self_evaluation');
  });
});
