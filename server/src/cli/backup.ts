import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { dumpPglite, openPglite } from '../platform/db/pglite.ts';
import { CliError } from './errors.ts';

/** PostgreSQL: a pg_dump custom-format archive. PGlite: the engine's own gzipped data-directory dump. */
export async function backupCommand(config: Config, options: { out?: string }): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = config.database;
  const out = path.resolve(
    options.out ?? path.join(config.dataDir, 'backups', `banshi-${stamp}.${target.kind === 'postgres' ? 'dump' : 'tar.gz'}`),
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (target.kind === 'postgres') {
    // as the owner: the application's role may not read every table (ARCHITECTURE.md, database roles)
    runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, target.migrationUrl ?? target.url]);
  } else {
    if (!fs.existsSync(target.dir)) throw new CliError(`没有可备份的数据：${target.dir} 不存在。`);
    const database = await openPglite({ dir: target.dir });
    try {
      fs.writeFileSync(out, Buffer.from(await (await dumpPglite(database)).arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  console.log(`备份已写入 ${out}`);
}

export async function restoreCommand(config: Config, file: string, options: { force?: boolean }): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`备份文件不存在：${source}`);
  const target = config.database;
  if (target.kind === 'postgres') {
    runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${target.migrationUrl ?? target.url}`, source]);
    console.log('已从备份恢复 PostgreSQL 数据库。');
    return;
  }
  const hasData = fs.existsSync(target.dir) && fs.readdirSync(target.dir).length > 0;
  if (hasData && !options.force) {
    throw new CliError(`数据目录 ${target.dir} 已有数据。确认替换请加 --force（旧目录会改名保留）。`);
  }
  if (hasData) {
    // Hold the lock while moving the old directory aside, so a running server is never pulled from under.
    const current = await openPglite({ dir: target.dir });
    await current.close();
    const aside = `${target.dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target.dir, aside);
    console.log(`原数据目录已改名为 ${aside}`);
  }
  fs.mkdirSync(target.dir, { recursive: true });
  const restored = new PGlite(target.dir, { loadDataDir: new Blob([fs.readFileSync(source)]) });
  await restored.waitReady;
  await restored.close();
  console.log(`已从备份恢复嵌入式数据库到 ${target.dir}`);
}

function runTool(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new CliError(`无法运行 ${tool}：${result.error.message}（请安装 PostgreSQL 客户端工具）`);
  if (result.status !== 0) throw new CliError(`${tool} 失败，退出码 ${result.status}`);
}
