import type { NoticeBlock } from '../../../platform/pdf/notice.ts';
import type { NoticeKind } from '../contract.ts';

/**
 * The written notices of Annex A as content: what each says, in the words a counter would print.
 * Pure functions; the service numbers, stores and renders them.
 */

export type NoticeContent = { title: string; blocks: NoticeBlock[]; signatureOrgan: string };

export type NoticeFacts = {
  number: string;
  /** the application's check code: with the number, it opens the portal's progress */
  checkCode: string;
  applicantName: string;
  uscc: string;
  name: string;
  centerName: string;
  centerAddress: string;
  centerPhone: string;
  departmentName: string;
  /** e.g. 佛山市南海区 — prefixed to a department for the signature */
  regionPrefix: string;
  receivedOn: string;
};

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  supplement: '补正材料告知书',
  non_acceptance: '不予受理通知书',
  deferral: '容缺受理通知书',
  commitment_letter: '告知承诺书',
  decision: '行政许可决定书',
  pickup: '领取办件结果通知',
  termination: '终止办理告知书',
  revocation: '撤销行政许可决定书',
};

/** The short mark in each kind's document number: 受 in 南政服受〔2026〕第 000123 号. */
export const NOTICE_MARKS: Record<NoticeKind, string> = {
  acceptance: '受',
  supplement: '补',
  non_acceptance: '不受',
  deferral: '容',
  commitment_letter: '诺',
  decision: '决',
  pickup: '取',
  termination: '止',
  revocation: '撤',
};

/** '2026-09-28' → '2026 年 9 月 28 日' */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** 佛山市南海区政务服务中心 → 南政服 (the center's mark in document numbers). */
export function centerMark(centerName: string): string {
  const local = centerName.replace(/^.{1,6}?省/, '').replace(/^.{1,6}?市(?=.+[区县市镇街])/, '');
  return `${local.slice(0, 1) || '政'}政服`;
}

/** 佛山市南海区政务服务中心 → 佛山市南海区 (who signs with a department's name). */
export function regionPrefixOf(centerName: string): string {
  const match = /^(.*?(?:区|县|市))(?=[^区县市]*(?:政务服务中心|便民服务中心|便民服务站)$)/.exec(centerName);
  return match?.[1] ?? '';
}

export function documentNumber(centerName: string, kind: NoticeKind, year: number, serial: number): string {
  return `${centerMark(centerName)}${NOTICE_MARKS[kind]}〔${year}〕第 ${String(serial).padStart(6, '0')} 号`;
}

const applicantFields = (f: NoticeFacts): [string, string][] => [
  ['申请人', f.applicantName],
  ['统一社会信用代码', f.uscc],
  ['办件编号', f.number],
  ['申请事项', f.name],
];

const progressHint = (f: NoticeFacts): NoticeBlock => ({
  kind: 'paragraph',
  text: `可凭办件编号 ${f.number} 和查询码 ${f.checkCode}（或预留手机号码）在本中心网站“办件进度”查询办理进度，请妥善保管查询码；咨询电话 ${f.centerPhone || '12345'}。`,
});

export function acceptanceNotice(
  f: NoticeFacts,
  x: { acceptedOn: string; clockStartOn: string; promisedDays: number; dueDate: string; isDeemedAccepted: boolean; materials: string[]; isCommitment: boolean },
): NoticeContent {
  const blocks: NoticeBlock[] = [
    { kind: 'paragraph', text: `${f.applicantName}：` },
    {
      kind: 'paragraph',
      text: `你单位于 ${chineseDate(f.receivedOn)} 提出的“${f.name}”申请，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。`,
    },
    {
      kind: 'fields',
      rows: [
        ...applicantFields(f),
        ['受理日期', chineseDate(x.acceptedOn)],
        ['承诺办结时限', x.promisedDays === 0 ? '即办件，当场办结' : `${x.promisedDays} 个工作日`],
        ['承诺办结日期', chineseDate(x.dueDate)],
        ['办理方式', x.isCommitment ? '告知承诺制' : '一般程序'],
      ],
    },
  ];
  if (x.isDeemedAccepted) {
    blocks.push({
      kind: 'paragraph',
      text: `本中心未在收到申请材料之日起 5 个工作日内出具书面告知，依法自收到申请材料之日（${chineseDate(x.clockStartOn)}）起即为受理，办结期限自该日起计算。`,
    });
  }
  if (x.materials.length > 0) blocks.push({ kind: 'heading', text: '已收取的申请材料' }, { kind: 'list', items: x.materials });
  blocks.push({ kind: 'paragraph', text: '特别程序（专家评审、听证、现场核查等）所需时间不计入办结时限。' }, progressHint(f));
  return { title: NOTICE_TITLES.acceptance, blocks, signatureOrgan: f.centerName };
}

export function supplementNotice(
  f: NoticeFacts,
  x: { items: { name: string; problem: string; requirement: string }[]; deadline: string; ordinal: number; phase: 'intake' | 'review' },
): NoticeContent {
  const stage = x.phase === 'intake' ? '提交' : '审查过程中补充';
  return {
    title: NOTICE_TITLES.supplement,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      {
        kind: 'paragraph',
        text: `你单位于 ${chineseDate(f.receivedOn)} ${stage}的“${f.name}”申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容如下：`,
      },
      { kind: 'fields', rows: applicantFields(f) },
      {
        kind: 'table',
        columns: ['序号', '材料名称', '存在问题', '补正要求'],
        rows: x.items.map((m, i) => [String(i + 1), m.name, m.problem, m.requirement]),
        widths: [1, 5, 4, 5],
      },
      { kind: 'fields', rows: [['补正期限', `${chineseDate(x.deadline)}前`]] },
      {
        kind: 'paragraph',
        text: '请在补正期限内一次性补齐上述材料后到综合受理窗口提交。补齐全部材料后，本中心将当场作出是否受理的决定；逾期未补正且无正当理由的，视为放弃申请。',
      },
      ...(x.ordinal > 1 ? [{ kind: 'paragraph' as const, text: `本告知为该申请的第 ${x.ordinal} 次补正告知，已经中心负责人批准。` }] : []),
      progressHint(f),
    ],
    signatureOrgan: f.centerName,
  };
}

export function nonAcceptanceNotice(f: NoticeFacts, x: { reason: string; remedies: string }): NoticeContent {
  return {
    title: NOTICE_TITLES.non_acceptance,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      { kind: 'paragraph', text: `你单位于 ${chineseDate(f.receivedOn)} 提出的“${f.name}”申请，经审查，决定不予受理。` },
      { kind: 'fields', rows: [...applicantFields(f), ['不予受理的理由', x.reason]] },
      ...(x.remedies ? [{ kind: 'fields' as const, rows: [['建议' as string, x.remedies] as [string, string]] }] : []),
      {
        kind: 'paragraph',
        text: '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      },
    ],
    signatureOrgan: f.centerName,
  };
}

export function deferralNotice(f: NoticeFacts, x: { materials: string[]; deadline: string; acceptedOn: string }): NoticeContent {
  return {
    title: NOTICE_TITLES.deferral,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      {
        kind: 'paragraph',
        text: `你单位申请的“${f.name}”基本条件具备、主要申请材料齐全，依照容缺受理机制，本中心于 ${chineseDate(x.acceptedOn)} 予以容缺受理。请于下列期限内补齐容缺材料：`,
      },
      { kind: 'fields', rows: [...applicantFields(f), ['补齐期限', `${chineseDate(x.deadline)}前`]] },
      { kind: 'heading', text: '容缺材料' },
      { kind: 'list', items: x.materials },
      { kind: 'heading', text: '申请人承诺' },
      {
        kind: 'paragraph',
        text: `本单位承诺于 ${chineseDate(x.deadline)} 前补齐上述材料，所补材料真实、有效。逾期未补齐的，同意终止办理，并依照容缺受理失信处理制度列入失信名单。`,
      },
      { kind: 'fields', rows: [['申请人（签章）', ''], ['日期', '']] },
      progressHint(f),
    ],
    signatureOrgan: f.centerName,
  };
}

export function commitmentLetter(f: NoticeFacts, x: { text: string; certificates: string[]; signedOn: string }): NoticeContent {
  return {
    title: NOTICE_TITLES.commitment_letter,
    blocks: [
      { kind: 'fields', rows: applicantFields(f) },
      { kind: 'heading', text: '以承诺代替的证明' },
      { kind: 'list', items: x.certificates.length > 0 ? x.certificates : ['（无）'] },
      { kind: 'heading', text: '承诺内容' },
      { kind: 'paragraph', text: x.text },
      {
        kind: 'paragraph',
        text: '本单位知悉：审批部门将在作出决定后对承诺内容进行核查；承诺不实的，审批部门将依法撤销许可决定，并将虚假承诺记入信用记录；在信用修复前不再适用告知承诺制。本单位自愿选择告知承诺方式办理。',
      },
      { kind: 'fields', rows: [['承诺人（签章）', ''], ['签署日期', chineseDate(x.signedOn)]] },
    ],
    signatureOrgan: f.centerName,
  };
}

export function decisionNotice(
  f: NoticeFacts,
  x: { isApproved: boolean; opinion: string; decidedOn: string; license: { typeName: string; number: string } | null },
): NoticeContent {
  const blocks: NoticeBlock[] = [
    { kind: 'paragraph', text: `${f.applicantName}：` },
    {
      kind: 'paragraph',
      text: x.isApproved
        ? `你单位申请的“${f.name}”，经审查，符合法定条件和标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予许可。`
        : `你单位申请的“${f.name}”，经审查，不符合法定条件和标准，根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予许可。`,
    },
    { kind: 'fields', rows: [...applicantFields(f), ['决定日期', chineseDate(x.decidedOn)], ['审查意见', x.opinion]] },
  ];
  if (x.license) blocks.push({ kind: 'fields', rows: [['电子证照', `${x.license.typeName}（编号 ${x.license.number}），已归集至电子证照库`]] });
  if (!x.isApproved) {
    blocks.push({ kind: 'paragraph', text: '如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' });
  }
  return { title: x.isApproved ? '准予行政许可决定书' : '不予行政许可决定书', blocks, signatureOrgan: `${f.regionPrefix}${f.departmentName}` };
}

export function pickupNotice(f: NoticeFacts, x: { pickupCode: string; results: string[] }): NoticeContent {
  return {
    title: NOTICE_TITLES.pickup,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      { kind: 'paragraph', text: `你单位申请的“${f.name}”已办结。请凭取件码到综合发证窗口领取办件结果，也可申请邮寄送达。` },
      { kind: 'fields', rows: [...applicantFields(f), ['取件码', x.pickupCode], ['领取地点', `${f.centerName} 综合发证窗口${f.centerAddress ? `（${f.centerAddress}）` : ''}`]] },
      { kind: 'heading', text: '办件结果' },
      { kind: 'list', items: x.results },
    ],
    signatureOrgan: f.centerName,
  };
}

export function terminationNotice(f: NoticeFacts, x: { materials: string[]; deadline: string; stoppedOn: string }): NoticeContent {
  return {
    title: NOTICE_TITLES.termination,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      {
        kind: 'paragraph',
        text: `你单位申请的“${f.name}”经容缺受理，应于 ${chineseDate(x.deadline)} 前补齐容缺材料。截至 ${chineseDate(x.stoppedOn)}，下列材料仍未补齐，本中心决定终止办理，并依照容缺受理失信处理制度将你单位列入失信名单。`,
      },
      { kind: 'fields', rows: applicantFields(f) },
      { kind: 'heading', text: '未补齐的材料' },
      { kind: 'list', items: x.materials },
      { kind: 'paragraph', text: '信用修复后，可重新提出申请。如对本决定不服，可以依法申请行政复议或者提起行政诉讼。' },
    ],
    signatureOrgan: f.centerName,
  };
}

export function revocationNotice(f: NoticeFacts, x: { note: string; revokedOn: string; licenseNumber: string | null }): NoticeContent {
  return {
    title: NOTICE_TITLES.revocation,
    blocks: [
      { kind: 'paragraph', text: `${f.applicantName}：` },
      {
        kind: 'paragraph',
        text: `你单位以告知承诺方式申请的“${f.name}”，经核查，承诺内容与实际情况不符。根据告知承诺制的规定，决定撤销原许可决定，并将虚假承诺记入信用记录。`,
      },
      { kind: 'fields', rows: [...applicantFields(f), ['核查情况', x.note], ['撤销日期', chineseDate(x.revokedOn)], ...(x.licenseNumber ? [['注销电子证照' as string, x.licenseNumber] as [string, string]] : [])] },
      { kind: 'paragraph', text: '如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' },
    ],
    signatureOrgan: `${f.regionPrefix}${f.departmentName}`,
  };
}
