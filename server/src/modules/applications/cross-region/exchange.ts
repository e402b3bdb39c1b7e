import crypto from 'node:crypto';
import type { Config } from '../../../config.ts';
import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { readFile } from '../../../platform/files/service.ts';
import type { ServiceDeps } from '../actions.ts';
import type { HandoverDto, ResultPackage } from './contract.ts';
import * as repo from './repository.ts';
import { getHandover, handoverInScope, handoverState, SCAN_PURPOSE, staleHandover } from './service.ts';

/**
 * 跨域通办 with a center on another system (6.3.2): the receiving center exports the matter as one
 * signed JSON file (the record and its scanned materials in base64) and imports the signed result
 * the other system sends back. Signatures are HMAC-SHA256 with the key shared with the partner
 * systems: CROSS_REGION_KEY, or a key derived from AUDIT_KEY (never stored in the database).
 */

export const PACKAGE_FORMAT = 'banshi-cross-region/1';
export const RESULT_FORMAT = 'banshi-cross-region-result/1';

export function exchangeKey(config: Pick<Config, 'CROSS_REGION_KEY' | 'AUDIT_KEY'>): Buffer {
  if (config.CROSS_REGION_KEY) return Buffer.from(config.CROSS_REGION_KEY, 'hex');
  return crypto.createHmac('sha256', Buffer.from(config.AUDIT_KEY, 'hex')).update('banshi cross-region exchange key').digest();
}

/** JSON with object keys sorted at every level: the bytes both systems sign. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The signature of everything in `content` but its `signature` field. */
export function signatureOf(key: Buffer, content: Record<string, unknown>): string {
  const { signature: _ignored, ...rest } = content;
  return crypto.createHmac('sha256', key).update(canonicalJson(rest)).digest('hex');
}

function verified(key: Buffer, content: ResultPackage): boolean {
  const expected = Buffer.from(signatureOf(key, content), 'hex');
  const given = Buffer.from(content.signature, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export type ExportPackage = Record<string, unknown> & { format: string; packageId: string; signature: string };

/** The export package of a 异地代收代办 matter whose competent center is not on Banshi; records when it was exported. */
export async function exportPackage(deps: ServiceDeps, clerk: StaffPrincipal, id: string, now = new Date()): Promise<{ filename: string; content: ExportPackage }> {
  const row = await handoverInScope(deps, clerk, id);
  if (!isCenterInScope(clerk, row.centerId)) throw forbidden('只有收件地可以导出交换包');
  if (row.mode !== 'proxy' || row.competentCenterId) throw handoverState('办理地也使用本系统，办件已直接流转，无需导出交换包');
  if (row.state !== 'sent' && row.state !== 'exported') throw handoverState('该跨域办件已有结果，不能再导出');
  const files = await repo.listFiles(deps.db, [id]);
  const contents = [];
  for (const f of files) {
    const file = await readFile(deps.db, f.fileId, SCAN_PURPOSE);
    contents.push({ name: f.name, mediaType: file.mediaType, sha256: file.sha256, base64: file.content.toString('base64') });
  }
  const view = await getHandover(deps, clerk, id);
  const body = {
    format: PACKAGE_FORMAT,
    packageId: row.packageId,
    exportedAt: now.toISOString(),
    from: { centerName: view.receivingCenterName, receivedByName: row.receivedByName },
    to: { regionCode: row.competentRegionCode, regionName: view.competentRegionName },
    matter: {
      itemCode: row.itemCode,
      itemName: row.itemName,
      uscc: row.uscc,
      applicantName: row.applicantName,
      identityChecked: row.identityChecked,
      materialsChecked: row.materialsChecked,
      receivedAt: row.createdAt.toISOString(),
      returnMethod: row.returnMethod,
      postalAddress: row.postalAddress,
    },
    files: contents,
  };
  const content = { ...body, signature: signatureOf(exchangeKey(deps.config), body) };
  if (row.state === 'sent') {
    if (!(await repo.updateHandover(deps.db, id, row.version, { state: 'exported', exportedAt: now }, now))) throw staleHandover();
  }
  return { filename: `cross-region-${row.packageId}.json`, content };
}

/** Imports the signed result of an exported matter: the signature must verify and name this package. */
export async function importResult(deps: ServiceDeps, clerk: StaffPrincipal, id: string, body: { version: number; result: ResultPackage }, now = new Date()): Promise<HandoverDto> {
  const row = await handoverInScope(deps, clerk, id);
  if (!isCenterInScope(clerk, row.centerId)) throw forbidden('只有收件地可以导入办理结果');
  if (!verified(exchangeKey(deps.config), body.result)) {
    throw new AppError('BAD_SIGNATURE', '办理结果的签名校验未通过，文件可能被篡改或不是合作地区签发的', [{ field: 'result.signature', message: '签名校验未通过' }]);
  }
  if (body.result.packageId !== row.packageId) {
    throw new AppError('PACKAGE_MISMATCH', '该办理结果属于另一个交换包', [{ field: 'result.packageId', message: '与本办件的交换包不符' }]);
  }
  if (row.state !== 'exported') throw handoverState(row.state === 'result_imported' ? '该办件的办理结果已导入' : '请先导出交换包');
  const patch = {
    state: 'result_imported',
    decision: body.result.decision,
    decisionOpinion: body.result.opinion,
    decidedOn: body.result.decidedOn,
    licenseNumber: body.result.licenseNumber,
    returnedAt: now,
    returnedByName: clerk.displayName,
  };
  if (!(await repo.updateHandover(deps.db, id, body.version, patch, now))) throw staleHandover();
  return getHandover(deps, clerk, id);
}
