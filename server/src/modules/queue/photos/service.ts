import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { deleteFiles, openFile, storeFile, storeGeneratedFile, type FilePolicy } from '../../../platform/files/service.ts';
import { getStaff } from '../../staff/service.ts';
import { findLiveSession } from '../counters/service.ts';
import * as repo from './repository.ts';

/** The photo an evaluator shows of the clerk on duty (clause 4.2.2 评价器: name, staff number, photo). */

const PURPOSE = 'staff_photo';
/** Pictures only, told by content (SVG is never accepted from an upload). */
export const PHOTO_POLICY: FilePolicy = { allowed: ['jpg', 'png', 'webp'], maxBytes: 512 * 1024, what: '照片' };

/** A version stamp of the staff member's photo (changes when it is replaced), or null without one. */
export async function findPhotoStamp(db: DbOrTx, staffId: string): Promise<string | null> {
  return (await repo.findPhoto(db, staffId))?.updatedAt.toISOString() ?? null;
}

/** Staff set their own photo; staff managers set anyone's. */
export async function setStaffPhoto(db: Db, staffId: string, content: Buffer, by: StaffPrincipal): Promise<{ updatedAt: string }> {
  if (by.id !== staffId && !by.permissions.has('staff.manage')) throw forbidden('只能上传自己的照片');
  await getStaff(db, staffId);
  await db.transaction(async (tx) => {
    const file = await storeFile(tx, { ...PHOTO_POLICY, purpose: PURPOSE, filename: 'photo', content, createdBy: by.displayName });
    await replaced(tx, await repo.replacePhoto(tx, staffId, file.id));
  });
  return { updatedAt: (await findPhotoStamp(db, staffId))! };
}

/** Demo data only: our own generated pictures. */
export async function setDemoPhoto(db: DbOrTx, staffId: string, svg: string): Promise<void> {
  await db.transaction(async (tx) => {
    const file = await storeGeneratedFile(tx, { purpose: PURPOSE, filename: 'photo.svg', mediaType: 'image/svg+xml', content: Buffer.from(svg, 'utf8') });
    await replaced(tx, await repo.replacePhoto(tx, staffId, file.id));
  });
}

/** The photo of whoever is on duty at the counter now. */
export async function photoOnDuty(db: Db, counterId: string) {
  const session = await findLiveSession(db, counterId);
  const photo = session ? await repo.findPhoto(db, session.staffId) : undefined;
  if (!photo) throw notFound('照片');
  return openFile(db, photo.fileId, PURPOSE);
}

async function replaced(tx: DbOrTx, fileId: string | undefined): Promise<void> {
  if (fileId) await deleteFiles(tx, [fileId]);
}

/** A staff member's photo, for the public disclosure of the staff at the counters (the caller decides who may be shown). */
export async function staffPhoto(db: Db, staffId: string) {
  const photo = await repo.findPhoto(db, staffId);
  if (!photo) throw notFound('照片');
  return openFile(db, photo.fileId, PURPOSE);
}
