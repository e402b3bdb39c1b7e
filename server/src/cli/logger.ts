import pino from 'pino';
import type { Config } from '../config.ts';
import { maskingStream } from '../platform/personal-data/log-masking.ts';

type Sink = { write(line: string): unknown };

/**
 * The CLI's logger: JSON lines (one object a line, for log collectors, tests and CI) unless
 * standard output is a terminal, where each line is written for a person to read. Every line is
 * masked (ID and mobile numbers) first.
 */
export function createLogger(config: Config, digest?: SmsDigest) {
  const out: Sink = process.stdout.isTTY ? prettyStream(process.stdout, Boolean(process.stdout.hasColors?.())) : process.stdout;
  return pino({ level: config.LOG_LEVEL }, maskingStream(digest ? digest.filter(out) : out));
}

/** The line the logging SMS transport writes for each message (platform/notifications/transports.ts). */
const SMS_LINE = '"msg":"SMS (logging transport)"';

/**
 * Keeps the demo's SMS out of the start-up log: the demo queues about a hundred messages, which
 * the logging transport would write one line each just after start. `expect(n)` drops the next n
 * such lines (start logs one summary instead); after `withinMs` every line is written again.
 */
export class SmsDigest {
  private remaining = 0;
  private until = 0;

  expect(count: number, withinMs: number): void {
    this.remaining = count;
    this.until = Date.now() + withinMs;
  }

  filter(target: Sink): Sink {
    return {
      write: (line) => {
        if (this.remaining > 0 && Date.now() < this.until && line.includes(SMS_LINE)) {
          this.remaining--;
          return;
        }
        return target.write(line);
      },
    };
  }
}

const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO ', '32'],
  40: ['WARN ', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '41'],
};
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** One JSON log line as a person reads it: `16:20:05 INFO  message  key=value …` (time in Asia/Shanghai). */
export function prettyLine(line: string, colors = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { level, time, msg, pid: _pid, hostname: _host, reqId: _reqId, req, res, responseTime, err, ...rest } = entry;
  const [name, color] = LEVELS[Number(level)] ?? [String(level), '0'];
  const paint = (code: string, text: string) => (colors ? `\x1b[${code}m${text}\x1b[0m` : text);
  const parts = [paint('90', clock.format(new Date(Number(time)))), paint(color, name), String(msg ?? '')];
  const request = req as { method?: string; url?: string } | undefined;
  if (request?.method) parts.push(`${request.method} ${request.url ?? ''}`);
  const response = res as { statusCode?: number } | undefined;
  if (response?.statusCode) parts.push(`→ ${response.statusCode}${typeof responseTime === 'number' ? ` ${Math.round(responseTime)} ms` : ''}`);
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const error = err as { stack?: string; message?: string } | undefined;
  const text = parts.join('  ') + (error ? `\n${error.stack ?? error.message ?? JSON.stringify(error)}` : '');
  return `${text}\n`;
}

function prettyStream(target: NodeJS.WriteStream, colors: boolean): Sink {
  return { write: (line) => target.write(prettyLine(line, colors)) };
}
