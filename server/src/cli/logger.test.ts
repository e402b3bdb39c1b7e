import { describe, expect, it } from 'vitest';
import { prettyLine, SmsDigest } from './logger.ts';

const sms = (n: number) => `${JSON.stringify({ level: 30, time: 0, sms: { to: '138****0000', body: `短信 ${n}` }, msg: 'SMS (logging transport)' })}\n`;

describe('terminal log lines', () => {
  it('shows the time in Shanghai, the level and the message, then the other fields', () => {
    // 2026-03-02 01:02:03 UTC is 09:02:03 in Shanghai
    const line = JSON.stringify({ level: 40, time: Date.UTC(2026, 2, 2, 1, 2, 3), pid: 1, hostname: 'h', msg: '磁盘将满', free: '2 GB' });
    expect(prettyLine(line)).toBe('09:02:03  WARN   磁盘将满  free=2 GB\n');
  });

  it('shows a request by method, URL, status and time, and an error with its stack', () => {
    const line = JSON.stringify({ level: 50, time: 0, req: { method: 'GET', url: '/api/health' }, res: { statusCode: 500 }, responseTime: 12.4, err: { stack: 'Error: 坏了\n    at x' }, msg: 'request errored' });
    expect(prettyLine(line)).toBe('08:00:00  ERROR  request errored  GET /api/health  → 500 12 ms\nError: 坏了\n    at x\n');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLine('not json\n')).toBe('not json\n');
  });
});

describe('the start-up SMS digest', () => {
  it('drops the expected number of SMS lines and writes everything else', () => {
    const written: string[] = [];
    const digest = new SmsDigest();
    const stream = digest.filter({ write: (line) => written.push(line) });
    stream.write(sms(0)); // nothing expected yet: written
    digest.expect(2, 60_000);
    stream.write(sms(1));
    stream.write('{"level":30,"msg":"other"}\n');
    stream.write(sms(2));
    stream.write(sms(3)); // the third is past the expected count: written
    expect(written).toEqual([sms(0), '{"level":30,"msg":"other"}\n', sms(3)]);
  });

  it('writes them again once its time is over', () => {
    const written: string[] = [];
    const digest = new SmsDigest();
    const stream = digest.filter({ write: (line) => written.push(line) });
    digest.expect(5, -1);
    stream.write(sms(1));
    expect(written).toEqual([sms(1)]);
  });
});
