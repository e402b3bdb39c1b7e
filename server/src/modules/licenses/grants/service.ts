import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { getEnterprise, getEnterpriseByUscc } from '../../enterprises/service.ts';
import { GRANT_MINUTES, type GrantDto, type GrantStatus, type RedemptionDto } from '../contract.ts';
import { licensesByIds, licensesOfHolder, listLicenseTypes } from '../service.ts';
import * as repo from './repository.ts';
import { returnHit, takeHit } from '../../../platform/http/rate-limit.ts';

/**
 * 亮码 / 一键授权 (clause 6.3.3): the holder makes a code for chosen license types, valid for
 * ten minutes and one use, shown as 6 digits and a QR code; a clerk redeems it and the licenses
 * become materials of the application. Each use is recorded on the grant and in the audit log.
 */

const QR_PREFIX = 'BANSHI-GRANT';
/** Wrong codes a staff member may try within the window before being stopped. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MINUTES = 10;

export async function createGrant(db: Db, uscc: string, typeIds: string[]): Promise<GrantDto> {
  const holder = await getEnterpriseByUscc(db, uscc);
  const unique = [...new Set(typeIds)];
  const types = new Map((await listLicenseTypes(db)).map((t) => [t.id, t]));
  const held = new Set((await licensesOfHolder(db, holder.id, { typeIds: unique, isValidOnly: true })).map((l) => l.type.id));
  for (const id of unique) {
    const type = types.get(id);
    if (!type) throw invalidField('typeIds', '所选证照类型不存在');
    if (!held.has(id)) {
      throw new AppError('LICENSE_NOT_HELD', `本企业没有有效的“${type.name}”，不能授权`, [{ field: 'typeIds', message: `没有有效的${type.name}` }]);
    }
  }
  await repo.releaseStaleCodes(db);
  const token = crypto.randomBytes(32).toString('base64url');
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const id = await repo.insertGrant(db, { enterpriseId: holder.id, code, token, typeIds: unique, minutes: GRANT_MINUTES });
    if (id) return getOwnGrant(db, uscc, id);
  }
  throw new AppError('CONFLICT', '暂时无法生成授权码，请稍后重试');
}

export async function getOwnGrant(db: DbOrTx, uscc: string, id: string): Promise<GrantDto> {
  const holder = await getEnterpriseByUscc(db, uscc);
  const row = await repo.findGrant(db, id);
  if (!row || row.enterpriseId !== holder.id) throw notFound('授权');
  return (await toDtos(db, [row], { withQr: true }))[0]!;
}

export async function listOwnGrants(db: DbOrTx, uscc: string): Promise<GrantDto[]> {
  const holder = await getEnterpriseByUscc(db, uscc);
  return toDtos(db, await repo.grantsOf(db, holder.id, 100), { withQr: false });
}

/** The holder withdraws a grant that has not been used yet. */
export async function cancelGrant(db: DbOrTx, uscc: string, id: string): Promise<GrantDto> {
  const holder = await getEnterpriseByUscc(db, uscc);
  const row = await repo.findGrant(db, id);
  if (!row || row.enterpriseId !== holder.id) throw notFound('授权');
  if (!(await repo.cancelGrant(db, id, holder.id))) throw unusable(row);
  return getOwnGrant(db, uscc, id);
}

/** A clerk, or the self-service kiosk of a center (no staff id; its attempts counted per client, the holder's credit code as a second factor). */
export type Redeemer = { staffId: string | null; staffName: string; centerName: string; attemptsKey?: string; uscc?: string };

/**
 * A clerk redeems a code (typed digits or the scanned QR text) for an application. Exactly
 * one of two simultaneous redemptions wins; an expired, used or withdrawn code is refused
 * with a message saying which, and nothing changes.
 */
export async function redeemGrant(db: Db, redeemer: Redeemer, input: { code: string; applicationRef: string }): Promise<RedemptionDto> {
  const parsed = parseCode(input.code);
  if (!parsed) throw invalidField('code', '授权码应为 6 位数字，或扫描企业出示的授权二维码');
  // Every try takes a place first, in one atomic count shared by all processes: of a burst of
  // wrong codes no more than the limit are ever checked. A right code gives its place back.
  const attempts = redeemer.attemptsKey ?? `grant-code:${redeemer.staffId}`;
  await takeHit(db, attempts, { max: MAX_FAILURES, windowMs: FAILURE_WINDOW_MINUTES * 60_000, message: `${FAILURE_WINDOW_MINUTES} 分钟内输错授权码次数过多，请稍后再试` });
  const row = await repo.findGrantByCode(db, parsed.code);
  const isOtherHolder = row && redeemer.uscc !== undefined && (await getEnterprise(db, row.enterpriseId)).uscc !== redeemer.uscc;
  if (!row || isOtherHolder || (parsed.token !== null && !safeEqual(parsed.token, row.token))) {
    if (redeemer.staffId) await repo.recordFailure(db, redeemer.staffId);
    if (redeemer.uscc !== undefined) throw new AppError('NOT_FOUND', '授权码或统一社会信用代码不正确，请核对后重新输入', [{ field: 'code', message: '授权码或统一社会信用代码不正确' }]);
    throw new AppError('NOT_FOUND', '授权码不存在，请核对企业出示的 6 位数字', [{ field: 'code', message: '授权码不存在' }]);
  }
  await returnHit(db, attempts);
  const grantId = await db.transaction(async (tx) => {
    const use = { staffId: redeemer.staffId, staffName: redeemer.staffName, centerName: redeemer.centerName, applicationRef: input.applicationRef };
    if (!(await repo.markUsed(tx, row.id, use))) return null;
    const provided = await licensesOfHolder(tx, row.enterpriseId, { typeIds: row.typeIds, isValidOnly: true });
    await repo.setProvided(tx, row.id, provided.map((l) => l.id));
    return row.id;
  });
  if (!grantId) throw unusable((await repo.findGrant(db, row.id))!);
  return redemptionOf(db, (await repo.findGrant(db, grantId))!);
}

export async function listRedeemedBy(db: DbOrTx, staffId: string): Promise<RedemptionDto[]> {
  const rows = await repo.grantsRedeemedBy(db, staffId, 50);
  return Promise.all(rows.map((r) => redemptionOf(db, r)));
}

/** A license handed over through a grant, for the staff member who redeemed it. */
export async function assertRedeemedLicense(db: DbOrTx, staffId: string, grantId: string, licenseId: string): Promise<void> {
  const row = await repo.findGrant(db, grantId);
  if (!row || row.usedByStaffId !== staffId || !row.providedLicenseIds.includes(licenseId)) {
    throw new AppError('FORBIDDEN', '只能查看您本人通过授权码调取的证照');
  }
}

function statusOf(row: repo.GrantRow): GrantStatus {
  if (row.usedAt) return 'used';
  if (row.cancelledAt) return 'cancelled';
  if (row.expiresAt <= row.now) return 'expired';
  return 'active';
}

function unusable(row: repo.GrantRow): AppError {
  const at = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  switch (statusOf(row)) {
    case 'used':
      return new AppError('GRANT_USED', `该授权码已于 ${at(row.usedAt!)} 使用过（每个授权码只能使用一次），请企业重新生成`);
    case 'cancelled':
      return new AppError('GRANT_CANCELLED', '该授权码已被企业撤回，请企业重新生成');
    case 'expired':
      return new AppError('GRANT_EXPIRED', `该授权码已于 ${at(row.expiresAt)} 过期（有效期 ${GRANT_MINUTES} 分钟），请企业重新生成`);
    case 'active':
      return new AppError('CONFLICT', '授权码状态已变化，请重试');
  }
}

/** `123456`, `123 456`, or the QR text `BANSHI-GRANT:123456:<token>`. */
function parseCode(input: string): { code: string; token: string | null } | null {
  const text = input.trim();
  const qr = new RegExp(`^${QR_PREFIX}:(\\d{6}):([A-Za-z0-9_-]{43})$`).exec(text);
  if (qr) return { code: qr[1]!, token: qr[2]! };
  const digits = text.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? { code: digits, token: null } : null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

async function redemptionOf(db: DbOrTx, row: repo.GrantRow): Promise<RedemptionDto> {
  const holder = await getEnterprise(db, row.enterpriseId);
  return {
    grantId: row.id,
    holder: { enterpriseId: holder.id, uscc: holder.uscc, name: holder.name },
    redeemedAt: row.usedAt!.toISOString(),
    applicationRef: row.applicationRef,
    licenses: await licensesByIds(db, row.providedLicenseIds),
  };
}

async function toDtos(db: DbOrTx, rows: repo.GrantRow[], options: { withQr: boolean }): Promise<GrantDto[]> {
  const types = new Map((await listLicenseTypes(db)).map((t) => [t.id, t]));
  const provided = new Map((await licensesByIds(db, rows.flatMap((r) => r.providedLicenseIds))).map((l) => [l.id, l]));
  return Promise.all(
    rows.map(async (row) => {
      const status = statusOf(row);
      const isActive = status === 'active';
      return {
        id: row.id,
        status,
        code: isActive ? row.code : null,
        qrDataUrl: isActive && options.withQr ? await qrDataUrl(`${QR_PREFIX}:${row.code}:${row.token}`) : null,
        types: row.typeIds.map((id) => ({ id, name: types.get(id)?.name ?? '' })),
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        secondsLeft: isActive ? Math.max(0, Math.floor((row.expiresAt.getTime() - row.now.getTime()) / 1000)) : 0,
        cancelledAt: row.cancelledAt?.toISOString() ?? null,
        use: row.usedAt
          ? {
              usedAt: row.usedAt.toISOString(),
              usedByName: row.usedByName,
              usedAtCenter: row.usedAtCenter,
              applicationRef: row.applicationRef,
              licenses: row.providedLicenseIds.flatMap((id) => {
                const l = provided.get(id);
                return l ? [{ id: l.id, typeName: l.type.name, number: l.number }] : [];
              }),
            }
          : null,
      };
    }),
  );
}

async function qrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
