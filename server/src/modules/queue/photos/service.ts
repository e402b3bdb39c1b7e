import { fileTypeFromBuffer } from 'file-type';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { getStaff } from '../../staff/service.ts';
import { findLiveSession } from '../counters/service.ts';
import * as repo from './repository.ts';

/** The photo an evaluator shows of the clerk on duty (clause 4.2.2 评价器: name, staff number, photo). */

export const MAX_PHOTO_BYTES = 512 * 1024;
const ALLOWED = new Map([
  ['jpg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
]);

/** A version stamp of the staff member's photo (changes when it is replaced), or null without one. */
export async function findPhotoStamp(db: DbOrTx, staffId: string): Promise<string | null> {
  return (await repo.findPhotoStamp(db, staffId))?.toISOString() ?? null;
}

/** Staff set their own photo; staff managers set anyone's. Pictures only, told by content. */
export async function setStaffPhoto(db: Db, staffId: string, content: Buffer, by: StaffPrincipal): Promise<{ updatedAt: string }> {
  if (by.id !== staffId && !by.permissions.has('staff.manage')) throw forbidden('只能上传自己的照片');
  await getStaff(db, staffId);
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空', [{ field: 'file', message: '文件为空' }]);
  if (content.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '照片不能超过 512 KB');
  const type = await fileTypeFromBuffer(content);
  const contentType = type ? ALLOWED.get(type.ext) : undefined;
  if (!contentType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '照片只能是 JPG、PNG 或 WebP 图片');
  await repo.upsertPhoto(db, staffId, contentType, content);
  return { updatedAt: (await findPhotoStamp(db, staffId))! };
}

/** Demo data only: our own generated pictures (SVG is never accepted from an upload). */
export async function setDemoPhoto(db: DbOrTx, staffId: string, svg: string): Promise<void> {
  await repo.upsertPhoto(db, staffId, 'image/svg+xml', Buffer.from(svg, 'utf8'));
}

/** The photo of whoever is on duty at the counter now. */
export async function photoOnDuty(db: Db, counterId: string) {
  const session = await findLiveSession(db, counterId);
  const photo = session ? await repo.findPhoto(db, session.staffId) : undefined;
  if (!photo) throw notFound('照片');
  return photo;
}
