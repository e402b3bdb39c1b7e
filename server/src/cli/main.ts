import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../platform/db/pglite.ts';
import { auditAnchorsCommand, auditVerifyCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { createAdminCommand } from './create-admin.ts';
import { migrateCommand, seedCommand } from './database.ts';
import { CliError } from './errors.ts';
import { privacyReportCommand } from './privacy.ts';
import { startCommand } from './start.ts';
import { buildCommand } from './web-build.ts';
import { withWorkers } from './workers.ts';

const program = new Command('banshi').description('Banshi (办事) 企业政务服务平台');

program
  .command('start')
  .description('启动服务（需要时先构建网页、执行数据库迁移、载入演示数据）')
  .option('--no-web', '只提供接口，不构建也不提供网页')
  .option('--workers <n>', '启动 n 个进程共同服务同一端口（需要 PostgreSQL；退出的进程自动重启）')
  .action(run(withWorkers(startCommand)));
program
  .command('build')
  .description('构建网页（源码比构建新时）；服务端在运行任何命令前已按需编译到 server/dist')
  .action(() => buildCommand());
program.command('migrate').description('执行数据库迁移').action(run(migrateCommand));
program
  .command('seed')
  .description('载入数据')
  .requiredOption('--demo', '载入演示中心（佛山市南海区政务服务中心）')
  .action(run(seedCommand));
program
  .command('create-admin')
  .description('创建系统管理员账户（密码从终端输入，或非交互时从标准输入读一行）')
  .option('--username <name>', '用户名')
  .option('--name <displayName>', '姓名')
  .action(run(createAdminCommand));
program
  .command('backup')
  .description('备份数据库：PostgreSQL 用 pg_dump，嵌入式数据库导出数据目录')
  .option('--out <file>', '备份文件路径（默认 DATA_DIR/backups/ 下按时间命名）')
  .action(run(backupCommand));
program
  .command('restore <file>')
  .description('从备份恢复数据库（会替换现有数据）')
  .option('--force', '目标数据库已有数据时仍然恢复（嵌入式数据库的旧数据目录会被改名保留）')
  .action(run(restoreCommand));
program
  .command('privacy')
  .description('个人信息')
  .command('report')
  .description('列出保存个人信息的字段（是否加密、响应中是否脱敏、日志中是否脱敏），并检查日志中未脱敏的身份证号和手机号')
  .option('--logs <paths...>', '要检查的日志文件或目录')
  .action(run(privacyReportCommand));
const audit = program.command('audit').description('审计日志');
audit
  .command('verify')
  .description('核对审计日志每条记录的封印（HMAC-SM3）、链接和日锚点，报告第一处断开')
  .option('--from <date>', '从这一天（YYYY-MM-DD）起核对')
  .action(run(auditVerifyCommand));
audit
  .command('anchors')
  .description('为已结束的日期生成日锚点（同时写入日志），并逐行输出全部日锚点（JSON），供在数据库之外保存')
  .option('--from <date>', '从这一天（YYYY-MM-DD）起输出')
  .action(run(auditAnchorsCommand));

function run<A extends unknown[]>(command: (config: ReturnType<typeof loadConfig>, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await command(loadConfig(), ...args);
    } catch (err) {
      if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CliError) {
        console.error(err.message);
        process.exit(1);
      }
      throw err;
    }
  };
}

await program.parseAsync(process.argv);
