import type { Config } from '../config.ts';
import { anchorFinishedDays, listAnchors, verifyAuditLog } from '../platform/audit/verify.ts';
import { openDatabase } from '../platform/db/open.ts';
import { CliError } from './errors.ts';
import { createLogger } from './logger.ts';

function dayOption(from: string | undefined): string | undefined {
  if (from === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) {
    throw new CliError(`--from 应为日期，例如 2026-01-31（收到：${from}）`);
  }
  return from;
}

/** `banshi audit verify [--from DATE]`: checks every seal and link; exits 2 at the first broken one. */
export async function auditVerifyCommand(config: Config, options: { from?: string }): Promise<void> {
  const from = dayOption(options.from);
  const database = await openDatabase(config, createLogger(config));
  try {
    const report = await verifyAuditLog(database.db, Buffer.from(config.AUDIT_KEY, 'hex'), { from });
    if (report.broken) {
      console.error(`审计日志在此处断开：${report.broken.message}`);
      console.error(JSON.stringify(report.broken));
      process.exitCode = 2;
      return;
    }
    console.log(`审计日志完好：${report.days} 天、${report.rows} 条记录的封印和链接都核对无误。`);
  } finally {
    await database.close();
  }
}

/**
 * `banshi audit anchors [--from DATE]`: anchors the finished days not anchored yet (each also
 * written to the log) and prints every anchor as one JSON line, to keep outside the database.
 */
export async function auditAnchorsCommand(config: Config, options: { from?: string }): Promise<void> {
  const from = dayOption(options.from);
  const log = createLogger(config);
  const database = await openDatabase(config, log);
  try {
    for (const anchor of await anchorFinishedDays(database.db, Buffer.from(config.AUDIT_KEY, 'hex'))) {
      log.info({ auditAnchor: anchor }, '审计日志日锚点');
    }
    for (const anchor of await listAnchors(database.db, from)) console.log(JSON.stringify(anchor));
  } finally {
    await database.close();
  }
}
