import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { readFile, storeFile } from '../../../platform/files/service.ts';
import { renderNotice, type NoticeBlock } from '../../../platform/pdf/notice.ts';
import { getDepartment } from '../../staff/service.ts';
import { getCenter } from '../../venue/service.ts';
import type { ApplicationDetail, NoticeDto, NoticeKind } from '../contract.ts';
import * as repo from '../repository.ts';
import { chineseDate, documentNumber, regionPrefixOf, type NoticeContent, type NoticeFacts } from './documents.ts';
import * as noticeRepo from './repository.ts';

/**
 * Issuing a notice is part of the action that causes it: the document number comes from a
 * per-center, per-year, per-kind counter raised in the same transaction, and the notice's content
 * is stored as issued. The PDF is rendered from that content on first download and kept.
 */

type Issuable = Pick<repo.ApplicationRow, 'id' | 'number' | 'checkCode' | 'centerId' | 'applicantName' | 'uscc' | 'name' | 'departmentId' | 'lastReceivedOn'>;

/** The facts every notice of an application prints. */
export async function noticeFacts(db: DbOrTx, app: Issuable): Promise<NoticeFacts> {
  // One after the other: inside a transaction both run on its one connection.
  const center = await getCenter(db, app.centerId);
  const department = await getDepartment(db, app.departmentId);
  return {
    number: app.number,
    checkCode: app.checkCode,
    applicantName: app.applicantName,
    uscc: app.uscc,
    name: app.name,
    centerName: center.name,
    centerAddress: center.address,
    centerPhone: center.phone,
    departmentName: department.name,
    regionPrefix: regionPrefixOf(center.name),
    receivedOn: app.lastReceivedOn,
  };
}

export type StoredNoticeContent = NoticeContent & { issuer: string; date: string; isDemo: boolean };

export async function issueNotice(
  tx: DbOrTx,
  input: { app: Issuable; kind: NoticeKind; content: NoticeContent; facts: NoticeFacts; today: string; now: Date; issuedBy: string; isDemo: boolean },
): Promise<{ id: string; number: string }> {
  const year = Number(input.today.slice(0, 4));
  const serial = await repo.nextCounter(tx, input.app.centerId, year, `notice:${input.kind}`);
  const number = documentNumber(input.facts.centerName, input.kind, year, serial);
  const content: StoredNoticeContent = { ...input.content, issuer: input.facts.centerName, date: chineseDate(input.today), isDemo: input.isDemo };
  const id = await repo.insertNotice(tx, {
    applicationId: input.app.id,
    centerId: input.app.centerId,
    kind: input.kind,
    number,
    title: input.content.title,
    content,
    issuedAt: input.now,
    issuedBy: input.issuedBy,
  });
  return { id, number };
}

/** The notice as a PDF: rendered once from its issued content, then read from storage. */
export async function noticePdf(db: Db, applicationId: string, noticeId: string): Promise<{ filename: string; content: Buffer }> {
  const notice = await repo.findNotice(db, applicationId, noticeId);
  if (!notice) throw notFound('告知书');
  const filename = `${notice.title}-${notice.number.replace(/[〔〕\s]/g, '')}.pdf`;
  if (notice.fileId) return { filename, content: (await readFile(db, notice.fileId)).content };
  const content = notice.content as unknown as StoredNoticeContent;
  const pdf = await renderNotice({
    issuer: content.issuer,
    title: content.title,
    number: notice.number,
    blocks: content.blocks as NoticeBlock[],
    signature: { organ: content.signatureOrgan, date: content.date },
    isDemo: content.isDemo,
  });
  return db.transaction(async (tx) => {
    const locked = await noticeRepo.lockNotice(tx, notice.id);
    if (locked?.fileId) return { filename, content: (await readFile(tx, locked.fileId)).content };
    const stored = await storeFile(tx, { purpose: 'application_notice', filename, content: pdf, allowed: ['pdf'], maxBytes: 20 * 1024 * 1024, createdBy: notice.issuedBy });
    await noticeRepo.setNoticeFile(tx, notice.id, stored.id);
    return { filename, content: pdf };
  });
}

export function toNoticeDto(row: repo.NoticeRow): NoticeDto {
  return { id: row.id, kind: row.kind as NoticeKind, title: row.title, number: row.number, issuedAt: row.issuedAt.toISOString(), issuedBy: row.issuedBy };
}

/**
 * The pickup notice prints the code the applicant gives at the counter: staff open it only once the
 * result is no longer waiting there (the clerk asks the applicant for the code).
 */
export function assertStaffMayOpen(app: Pick<ApplicationDetail, 'notices' | 'delivery'>, noticeId: string): void {
  const notice = app.notices.find((n) => n.id === noticeId);
  if (notice?.kind === 'pickup' && app.delivery?.state === 'awaiting_pickup') {
    throw new AppError('FORBIDDEN', '《领取办件结果通知》载有取件码，领取前仅申请人可查看；请向申请人询问取件码');
  }
}
