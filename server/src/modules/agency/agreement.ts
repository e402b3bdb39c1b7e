import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { readFile, storeGeneratedFile } from '../../platform/files/service.ts';
import { renderNotice } from '../../platform/pdf/notice.ts';
import { getCenter } from '../venue/service.ts';
import * as repo from './repository.ts';

/**
 * 委托代办协议 as a PDF, like the applications' notices: rendered from the signed agreement on its
 * first download and kept in the file store (a new signature clears it).
 */

const chineseDate = (d: string) => `${Number(d.slice(0, 4))} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;

export async function agreementPdf(db: Db, row: repo.RequestRow, isDemo: boolean): Promise<{ filename: string; content: Buffer }> {
  if (!row.agreementNumber || !row.signedOn) throw new AppError('NOT_FOUND', '该代办申请尚未签订委托代办协议');
  const filename = `委托代办协议-${row.number}.pdf`;
  if (row.agreementFileId) return { filename, content: (await readFile(db, row.agreementFileId)).content };
  const center = await getCenter(db, row.centerId);
  const content = await renderNotice({
    issuer: center.name,
    title: '委托代办协议',
    number: row.agreementNumber,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['委托方（企业）', row.enterpriseName],
          ['统一社会信用代码', row.uscc],
          ['受托方', `${center.name}帮办代办服务团队`],
          ['代办人员', row.agentName],
          ['代办事项', row.itemName || row.matter],
          ['代办编号', row.number],
        ],
      },
      { kind: 'heading', text: '一、代办范围' },
      { kind: 'paragraph', text: row.agreementScope },
      { kind: 'heading', text: '二、双方约定' },
      {
        kind: 'list',
        items: [
          '受托方在委托范围内代为准备、递交申请材料，跟踪办理进度，协调有关部门，并及时告知委托方办理情况；',
          '委托方对所提供材料的真实性、合法性负责，按约定完成须由企业本人办理的事项；',
          '受托方对接收的材料逐份登记，办结后全部退还委托方；代办服务不收取任何费用；',
          '办结后受托方在约定期限内回访，听取委托方对代办服务的意见。',
        ],
      },
      { kind: 'heading', text: '三、委托方授权' },
      { kind: 'fields', rows: [['授权签字人', row.signerName], ['身份证号', row.signerIdMasked ?? ''], ['签字日期', chineseDate(row.signedOn)]] },
    ],
    signature: { organ: center.name, date: chineseDate(row.signedOn) },
    isDemo,
  });
  return db.transaction(async (tx) => {
    const locked = await repo.findRequest(tx, row.id, { lock: true });
    if (locked?.agreementFileId) return { filename, content: (await readFile(tx, locked.agreementFileId)).content };
    const stored = await storeGeneratedFile(tx, { purpose: 'agency_agreement', filename, mediaType: 'application/pdf', content });
    await repo.setAgreementFile(tx, row.id, stored.id);
    return { filename, content };
  });
}
