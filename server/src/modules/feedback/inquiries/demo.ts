import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import type { InquiryInput } from './contract.ts';
import * as repo from './repository.ts';
import { receiveInquiry, recordInquiry, replyInquiry } from './service.ts';
import { handleViolation, runInquiryViolationCheck } from './violations.ts';

/**
 * The demo center's first inquiries of the last weeks, recorded by staff all over the center:
 * answered on the spot, answered within the limit, transferred and received, and four that went
 * wrong — an answer never given, one given late, a transfer nobody received — flagged to the
 * chief officer of 市场监督管理局 and to the center manager; the chief officer has dealt with one.
 */

const DAY_MS = 86_400_000;

type Step = { do: 'reply'; by: string; text: string; daysLater: number } | { do: 'receive'; by: string; daysLater: number };
type DemoInquiry = { daysAgo: number; by: string; input: Partial<InquiryInput> & Pick<InquiryInput, 'subject' | 'outcome'>; transferTo?: { department?: string; staff?: string }; steps?: Step[] };

export async function seedInquiriesDemo(deps: ServiceDeps, as: (username: string) => StaffPrincipal, departmentId: (name: string) => string): Promise<void> {
  const at = (daysAgo: number, hour: number) => new Date(Date.now() - daysAgo * DAY_MS - (Date.now() % DAY_MS) + (hour - 8) * 3_600_000);
  const base = { mode: 'in_person', purpose: 'consult', theme: null, itemId: null, uscc: null, enterpriseName: '', personName: '', phone: null, reply: '', transferDepartmentId: null, transferStaffId: null, note: '', ticket: null } as const;
  const inquiries: DemoInquiry[] = [
    { daysAgo: 20, by: 'guide', input: { subject: '设立个人独资企业需要哪些材料', outcome: 'answered', reply: '投资人身份证件、住所使用证明；可网上申请，一次办结。', personName: '刘先生' } },
    { daysAgo: 18, by: 'reviewer', input: { mode: 'phone', subject: '小作坊登记证延续是否需要现场核查', outcome: 'pending', personName: '梁女士', phone: '13907571101' }, steps: [{ do: 'reply', by: 'reviewer', text: '生产条件未变化的，延续不需现场核查，可网上提交。', daysLater: 1 }] },
    { daysAgo: 15, by: 'clerk', input: { purpose: 'apply', subject: '申请食品生产许可，综合窗口不受理此事项', outcome: 'transferred', uscc: '91440605MA51XQ2D77', enterpriseName: '佛山市南海区示例餐饮管理有限公司' }, transferTo: { department: '市场监督管理局' }, steps: [{ do: 'receive', by: 'chief', daysLater: 0 }, { do: 'reply', by: 'chief', text: '已安排 7 号经营许可窗口受理，并电话告知企业。', daysLater: 1 }] },
    { daysAgo: 12, by: 'clerk3', input: { mode: 'online', subject: '网上咨询：分公司注销是否需要公告', outcome: 'pending', personName: '黄先生', phone: '13907571102' } },
    { daysAgo: 10, by: 'reviewer', input: { mode: 'phone', subject: '食品经营许可证地址变更需要哪些材料', outcome: 'pending', personName: '何女士', phone: '13907571103' }, steps: [{ do: 'reply', by: 'reviewer', text: '变更申请书、新场所使用证明及平面图，网上可办。', daysLater: 6 }] },
    { daysAgo: 9, by: 'clerk', input: { subject: '灵活就业人员社保缴费基数怎么选', outcome: 'transferred', personName: '周女士', phone: '13907571104' }, transferTo: { staff: 'talent' } },
    { daysAgo: 6, by: 'assistant', input: { mode: 'phone', subject: '网上申报时电子签名失败怎么办', outcome: 'answered', reply: '已远程指导更换浏览器后签名成功。' } },
    { daysAgo: 0, by: 'policy', input: { subject: '高新技术企业认定补贴何时申报', outcome: 'pending', uscc: '91440605MA4W3K7P3K', enterpriseName: '佛山市南海区示例智造科技有限公司' } },
    { daysAgo: 0, by: 'clerk', input: { subject: '住所申报承诺制适用范围', outcome: 'transferred' }, transferTo: { department: '市场监督管理局' } },
  ];
  for (const [index, d] of inquiries.entries()) {
    // never later than now (early in the Beijing morning, today's office hours are still to come), in the order listed
    const askedAt = new Date(Math.min(at(d.daysAgo, 9 + (index % 7)).getTime(), Date.now() - (inquiries.length - index) * 60_000));
    const transfer = d.transferTo ? { transferDepartmentId: d.transferTo.department ? departmentId(d.transferTo.department) : null, transferStaffId: d.transferTo.staff ? as(d.transferTo.staff).id : null } : {};
    let { inquiry } = await recordInquiry(deps, as(d.by), { ...base, ...d.input, ...transfer }, askedAt);
    for (const step of d.steps ?? []) {
      const now = new Date(Math.min(askedAt.getTime() + step.daysLater * DAY_MS + 3_600_000, Date.now() - 60_000));
      inquiry =
        step.do === 'reply'
          ? await replyInquiry(deps, as(step.by), { id: inquiry.id, version: inquiry.version, reply: step.text }, now)
          : await receiveInquiry(deps, as(step.by), { id: inquiry.id, version: inquiry.version }, now);
    }
  }

  // The check as the job runs it; the chief officer checks the reviewer's late answer and talks to them.
  await runInquiryViolationCheck(deps);
  const centerId = as('chief').centerId!;
  const late = (await repo.listViolations(deps.db, { centerId, scope: { kind: 'center' }, from: '1900-01-01', to: '2199-12-31' })).find((v) => v.staffId === as('reviewer').id);
  if (late) await handleViolation(deps, as('chief'), { id: late.id, version: late.version, handling: 'talk', note: '经核查，因等待系统数据延误答复；已谈话提醒，限时答复须当日跟进。' });
}
