import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { renderNotice } from '../pdf/notice.ts';
import { readFile, storeFile } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('stored files', () => {
  it('keeps a file whose content is what is allowed, and gives it back byte for byte', async () => {
    const pdf = await renderNotice({ issuer: '中心', title: '受理通知书', blocks: [], signature: { organ: '中心', date: '2026 年 11 月 28 日' } });
    const info = await storeFile(t.db, { purpose: 'notice', filename: '../../etc/受理通知书.pdf', content: pdf, allowed: ['pdf'], maxBytes: 1_000_000 });
    expect(info).toMatchObject({ filename: '受理通知书.pdf', mediaType: 'application/pdf', size: pdf.length });
    const back = await readFile(t.db, info.id);
    expect(back.content.equals(pdf)).toBe(true);
  });

  it('refuses a file that is not what its name says, an empty one and an oversized one', async () => {
    await expect(storeFile(t.db, { purpose: 'x', filename: '营业执照.pdf', content: PNG, allowed: ['pdf'], maxBytes: 1000 })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      userMessage: expect.stringContaining('PNG'),
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.pdf', content: Buffer.from('这是一个改了扩展名的文本文件'), allowed: ['pdf', 'png'], maxBytes: 1000 })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.png', content: Buffer.alloc(0), allowed: ['png'], maxBytes: 1000 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.png', content: PNG, allowed: ['png'], maxBytes: 10 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    await expect(readFile(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
