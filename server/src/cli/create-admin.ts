import readline from 'node:readline';
import type { Config } from '../config.ts';
import { newPassword } from '../platform/auth/contract.ts';
import { openDatabase } from '../platform/db/open.ts';
import { AppError } from '../platform/errors.ts';
import { createStaff } from '../modules/staff/service.ts';
import { CliError } from './errors.ts';
import { createLogger } from './logger.ts';

/** Creates an administrator. Outside demo mode this is the only way to get a first account. */
export async function createAdminCommand(config: Config, options: { username?: string; name?: string }): Promise<void> {
  const username = options.username ?? (await ask('用户名：'));
  const displayName = options.name ?? (await ask('姓名：'));
  const password = await ask('密码（至少 8 位，含字母和数字）：', { hidden: true });
  if (process.stdin.isTTY && (await ask('再次输入密码：', { hidden: true })) !== password) throw new CliError('两次输入的密码不一致。');
  const checked = newPassword.safeParse(password);
  if (!checked.success) throw new CliError(`密码不符合要求：${checked.error.issues[0]?.message}`);

  const database = await openDatabase(config, createLogger(config));
  try {
    const created = await createStaff(
      database.db,
      { username, displayName, password, roles: ['administrator'] },
      { mustChangePassword: false },
    );
    console.log(`已创建系统管理员 ${created.username}（${created.displayName}）。`);
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.userMessage);
    throw err;
  } finally {
    await database.close();
  }
}

let stdinLines: AsyncIterator<string> | undefined;

/** Reads one answer: from the terminal with a prompt (hidden for passwords), or the next line of piped input. */
async function ask(prompt: string, { hidden = false } = {}): Promise<string> {
  if (!process.stdin.isTTY) {
    stdinLines ??= readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    const next = await stdinLines.next();
    if (next.done) throw new CliError(`缺少输入：${prompt}`);
    return next.value.trim();
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(prompt) ? s : s.replace(/[^\r\n]/g, ''));
  }
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer.trim();
}
