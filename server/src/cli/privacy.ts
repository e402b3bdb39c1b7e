import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/open.ts';
import { formatPrivacyReport, privacyReport } from '../platform/personal-data/report.ts';
import { CliError } from './errors.ts';

/** `banshi privacy report [--logs <file or folder>...]`: exits 1 unless the report passes. */
export async function privacyReportCommand(config: Config, options: { logs?: string[] }): Promise<void> {
  const database = await openDatabase(config);
  let columns: string[];
  try {
    const result = (await database.db.execute(
      sql`select table_name || '.' || column_name as name from information_schema.columns where table_schema = 'public'`,
    )) as unknown as { rows: { name: string }[] };
    columns = result.rows.map((r) => r.name);
  } finally {
    await database.close();
  }
  const report = privacyReport(columns, (options.logs ?? []).flatMap(logFiles).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })));
  console.log(formatPrivacyReport(report));
  if (!report.passed) throw new CliError('个人信息检查未通过');
}

function logFiles(given: string): string[] {
  const target = path.resolve(given);
  if (!fs.existsSync(target)) throw new CliError(`日志文件不存在：${target}`);
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target).map((f) => path.join(target, f)).filter((f) => fs.statSync(f).isFile());
}
