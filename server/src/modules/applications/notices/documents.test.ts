import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderNotice } from '../../../platform/pdf/notice.ts';
import {
  acceptanceNotice,
  centerMark,
  commitmentLetter,
  decisionNotice,
  deferralNotice,
  documentNumber,
  nonAcceptanceNotice,
  pickupNotice,
  regionPrefixOf,
  revocationNotice,
  supplementNotice,
  terminationNotice,
  type NoticeContent,
  type NoticeFacts,
} from './documents.ts';

const facts: NoticeFacts = {
  number: '440605-2026-000123',
  checkCode: '7F3A9C21',
  applicantName: '佛山市南海区示例餐饮管理有限公司',
  uscc: '91440605MA51XQ2D77',
  name: '食品经营许可',
  centerName: '佛山市南海区政务服务中心',
  centerAddress: '桂城街道',
  centerPhone: '12345',
  departmentName: '市场监督管理局',
  regionPrefix: '佛山市南海区',
  receivedOn: '2026-09-24',
};

async function textOf(content: NoticeContent): Promise<string> {
  const pdf = await renderNotice({ issuer: facts.centerName, title: content.title, number: documentNumber(facts.centerName, 'acceptance', 2026, 7), blocks: content.blocks, signature: { organ: content.signatureOrgan, date: '2026 年 9 月 28 日' } });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
  return text;
}

describe('written notices', () => {
  it('numbers documents per center, kind and year', () => {
    expect(centerMark('佛山市南海区政务服务中心')).toBe('南政服');
    expect(regionPrefixOf('佛山市南海区政务服务中心')).toBe('佛山市南海区');
    expect(documentNumber('佛山市南海区政务服务中心', 'supplement', 2026, 17)).toBe('南政服补〔2026〕第 000017 号');
  });

  it('prints each kind in Chinese with its facts, readable back from the PDF', async () => {
    const cases: [NoticeContent, string[]][] = [
      [acceptanceNotice(facts, { acceptedOn: '2026-09-28', clockStartOn: '2026-09-24', promisedDays: 10, dueDate: '2026-10-16', isDeemedAccepted: true, materials: ['营业执照'], isCommitment: false }), ['受理通知书', '2026 年 10 月 16 日', '即为受理', '营业执照']],
      [supplementNotice(facts, { items: [{ name: '食品安全管理制度', problem: '未提交', requirement: '加盖公章' }], deadline: '2026-10-09', ordinal: 2, phase: 'intake' }), ['补正材料告知书', '食品安全管理制度', '2026 年 10 月 9 日前', '第 2 次补正告知']],
      [nonAcceptanceNotice(facts, { reason: '不属于本中心受理范围', remedies: '请向广东省市场监督管理局申请' }), ['不予受理通知书', '不属于本中心受理范围', '行政复议']],
      [deferralNotice(facts, { materials: ['主要设备设施清单'], deadline: '2026-10-09', acceptedOn: '2026-09-28' }), ['容缺受理通知书', '主要设备设施清单', '失信名单']],
      [commitmentLetter(facts, { text: '本单位承诺所提交材料真实有效。', certificates: ['经营场所现场核查'], signedOn: '2026-09-28' }), ['告知承诺书', '经营场所现场核查', '本单位承诺所提交材料真实有效']],
      [decisionNotice(facts, { isApproved: true, opinion: '符合条件', decidedOn: '2026-10-09', license: { typeName: '食品经营许可证', number: 'JY14406050000001' } }), ['准予行政许可决定书', 'JY14406050000001', '佛山市南海区市场监督管理局']],
      [decisionNotice(facts, { isApproved: false, opinion: '场所不符合要求', decidedOn: '2026-10-09', license: null }), ['不予行政许可决定书', '场所不符合要求', '行政诉讼']],
      [pickupNotice(facts, { pickupCode: '123456', results: ['食品经营许可证'] }), ['领取办件结果通知', '123456']],
      [terminationNotice(facts, { materials: ['食品安全管理制度'], deadline: '2026-10-09', stoppedOn: '2026-10-12' }), ['终止办理告知书', '失信名单', '食品安全管理制度']],
      [revocationNotice(facts, { note: '承诺不实', revokedOn: '2026-11-20', licenseNumber: 'JY1' }), ['撤销行政许可决定书', '承诺不实', '虚假承诺']],
    ];
    for (const [content, expected] of cases) {
      const text = await textOf(content);
      for (const s of [...expected, facts.number, facts.applicantName]) expect(text, content.title).toContain(s);
    }
  });
});
