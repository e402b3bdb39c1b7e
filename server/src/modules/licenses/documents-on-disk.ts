import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import { storeFile } from '../../platform/files/service.ts';
import { DOCUMENT_POLICY, DOCUMENT_PURPOSE } from './documents.ts';
import * as repo from './repository.ts';

/**
 * Upgrade step: before the one file store, uploaded license documents were files under
 * DATA_DIR/files/licenses. Each one still there is moved into the store (in one transaction with
 * its license) and then deleted from disk. Idempotent, and safe with several processes: a license
 * another process is moving is skipped, and one whose file this machine does not have is left
 * for a process that does (its download says the file is missing until then).
 */
export async function moveLicenseDocumentsIntoStore(db: Db, dataDir: string, log: Logger): Promise<{ moved: number; missing: number }> {
  const root = path.resolve(dataDir, 'files');
  let moved = 0;
  let missing = 0;
  for (const id of await repo.listDocumentsOnDisk(db)) {
    try {
      const done = await db.transaction(async (tx) => {
        const row = await repo.lockDocumentOnDisk(tx, id);
        if (!row) return null;
        const absolute = path.resolve(root, row.documentPath);
        const content = absolute.startsWith(root + path.sep) ? await fs.readFile(absolute).catch(() => null) : null;
        if (!content) return { absolute: null, documentPath: row.documentPath };
        const fallback = path.basename(row.documentPath);
        const stored = await storeFile(tx, { ...DOCUMENT_POLICY, purpose: DOCUMENT_PURPOSE, filename: row.documentName ?? fallback, content, createdBy: '系统升级' });
        await repo.setMovedDocument(tx, id, stored.id);
        return { absolute, documentPath: row.documentPath };
      });
      if (!done) continue;
      if (!done.absolute) {
        missing++;
        log.warn({ licenseId: id, documentPath: done.documentPath }, '证照文件不在本机数据目录，未能移入文件库');
        continue;
      }
      moved++;
      await fs.rm(done.absolute, { force: true });
    } catch (err) {
      missing++;
      log.error({ err, licenseId: id }, '证照文件移入文件库失败');
    }
  }
  if (moved > 0) {
    log.info({ moved }, '证照文件已从数据目录移入文件库');
    await fs.rmdir(path.join(root, 'licenses')).catch(() => {}); // only when empty
  }
  return { moved, missing };
}
