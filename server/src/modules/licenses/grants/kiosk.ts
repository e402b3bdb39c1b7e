import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { uscc } from '../../../platform/http/schemas.ts';
import { renderNotice } from '../../../platform/pdf/notice.ts';
import * as venue from '../../venue/service.ts';
import { getEnterprise } from '../../enterprises/service.ts';
import { licensesByIds } from '../service.ts';
import * as repo from './repository.ts';
import { redeemGrant } from './service.ts';

/**
 * 24-hour self-service (clause 7): the holder prints a copy (复印件) of its e-licenses at the
 * kiosk after a grant code and its credit code. The use is recorded on the grant like a clerk's,
 * with the kiosk of that center as the redeemer and no staff member.
 */
export const KIOSK_REDEEMER = '24小时自助终端';
/** How long after the redemption the kiosk may print the copies. */
const PRINT_MINUTES = 10;

export const kioskGrantInput = z.strictObject({
  /** the 6 digits the portal shows (or the QR text, when the kiosk has a scanner) */
  code: z.string().trim().min(1, '请输入授权码').max(200, '授权码过长'),
  /** the holder's 统一社会信用代码: the second factor */
  uscc,
});
export const kioskCenterParams = z.strictObject({ centerId: z.uuid('编号格式不正确') });
export const kioskCopyParams = z.strictObject({ grantId: z.uuid('编号格式不正确'), licenseId: z.uuid('编号格式不正确') });
export const kioskCopyInput = z.strictObject({ uscc });
export const kioskGrantDto = z.object({
  grantId: z.string(),
  holderName: z.string(),
  licenses: z.array(z.object({ id: z.string(), typeName: z.string(), number: z.string(), validTo: z.string().nullable() })),
});
export type KioskGrantDto = z.infer<typeof kioskGrantDto>;

export async function kioskRedeem(db: Db, centerId: string, clientKey: string, input: z.infer<typeof kioskGrantInput>): Promise<KioskGrantDto> {
  const center = await venue.getCenter(db, centerId);
  const result = await redeemGrant(
    db,
    { staffId: null, staffName: KIOSK_REDEEMER, centerName: center.name, attemptsKey: `grant-code:kiosk:${clientKey}`, uscc: input.uscc },
    { code: input.code, applicationRef: '' },
  );
  return {
    grantId: result.grantId,
    holderName: result.holder.name,
    licenses: result.licenses.map((l) => ({ id: l.id, typeName: l.type.name, number: l.number, validTo: l.validTo })),
  };
}

/** The copy of one license the kiosk redeemed the grant for, within minutes of the redemption, as a PDF. */
export async function kioskCopyPdf(db: Db, grantId: string, licenseId: string, holderUscc: string): Promise<{ filename: string; content: Buffer }> {
  const row = await repo.findGrant(db, grantId);
  const isKioskUse = row?.usedAt && row.usedByStaffId === null && row.usedByName === KIOSK_REDEEMER;
  if (!row || !isKioskUse || !row.providedLicenseIds.includes(licenseId) || (await getEnterprise(db, row.enterpriseId)).uscc !== holderUscc) {
    throw new AppError('NOT_FOUND', '证照不存在或未经授权，请重新输入授权码');
  }
  if (row.now.getTime() - row.usedAt!.getTime() > PRINT_MINUTES * 60_000) {
    throw new AppError('GRANT_EXPIRED', `打印时限已过（授权码使用后 ${PRINT_MINUTES} 分钟内可打印），请重新生成授权码`);
  }
  const [l] = await licensesByIds(db, [licenseId]);
  const day = businessClock(row.now).date.split('-');
  const content = await renderNotice({
    title: `${l!.type.name}（复印件）`,
    issuer: l!.issuer,
    number: `证照编号：${l!.number}`,
    blocks: [
      { kind: 'fields', rows: [['证照名称', l!.type.name], ['持证主体', l!.holder.name], ['统一社会信用代码', l!.holder.uscc], ['发证机关', l!.issuer], ['有效期', `${l!.validFrom} 至 ${l!.validTo ?? '长期'}`], ...(l!.site ? [['经营场所', l!.site] as [string, string]] : [])] },
      { kind: 'paragraph', text: `本件为电子证照的复印件，由${row.usedAtCenter}${KIOSK_REDEEMER}凭持证主体的授权码打印，仅供参考；证照的效力以电子证照库中的原件为准。` },
    ],
    signature: { organ: `${row.usedAtCenter} ${KIOSK_REDEEMER}`, date: `${day[0]}年${Number(day[1])}月${Number(day[2])}日` },
  });
  return { filename: `${l!.type.name}-${l!.number}-复印件.pdf`, content };
}
