import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApp } from '../../../test/harness.ts';
import { renderNotice } from '../pdf/notice.ts';
import { CHUNK_BYTES, deleteFiles, describeFiles, openFile, readFile, storeFile } from './service.ts';
import { storedFileChunks } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function streamed(file: { stream: () => NodeJS.ReadableStream }): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of file.stream()) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('stored files', () => {
  it('keeps a file whose content is what is allowed, and gives it back byte for byte', async () => {
    const pdf = await renderNotice({ issuer: '中心', title: '受理通知书', blocks: [], signature: { organ: '中心', date: '2026 年 11 月 28 日' } });
    const info = await storeFile(t.db, { purpose: 'notice', filename: '../../etc/受理通知书.pdf', content: pdf, allowed: ['pdf'], maxBytes: 1_000_000 });
    expect(info).toMatchObject({ purpose: 'notice', filename: '受理通知书.pdf', mediaType: 'application/pdf', size: pdf.length });
    const back = await readFile(t.db, info.id);
    expect(back.content.equals(pdf)).toBe(true);
    expect(back.sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
  });

  it('keeps a large file in chunks and streams it back one chunk at a time', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(3 * CHUNK_BYTES + 12_345)]);
    const info = await storeFile(t.db, { purpose: 'test', filename: '大文件.pdf', content, allowed: ['pdf'], maxBytes: 4 * CHUNK_BYTES });
    const chunks = await t.db.select({ seq: storedFileChunks.seq }).from(storedFileChunks).where(eq(storedFileChunks.fileId, info.id));
    expect(chunks.map((c) => c.seq).sort()).toEqual([0, 1, 2, 3]);
    const opened = await openFile(t.db, info.id);
    const parts: number[] = [];
    for await (const part of opened.stream()) parts.push((part as Buffer).length);
    expect(parts).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, content.length - 3 * CHUNK_BYTES]);
    expect((await streamed(await openFile(t.db, info.id))).equals(content)).toBe(true);
  });

  it('refuses a file that is not what its name says, an empty one and an oversized one', async () => {
    await expect(storeFile(t.db, { purpose: 'x', filename: '营业执照.pdf', content: PNG, allowed: ['pdf'], maxBytes: 1000 })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      userMessage: '文件只能是 PDF（所传文件实际为 PNG）',
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.pdf', content: Buffer.from('这是一个改了扩展名的文本文件'), allowed: ['pdf', 'png'], maxBytes: 1000, what: '证照文件' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      userMessage: '证照文件只能是 PDF 或 PNG',
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.png', content: Buffer.alloc(0), allowed: ['png'], maxBytes: 1000 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(storeFile(t.db, { purpose: 'x', filename: 'a.png', content: PNG, allowed: ['png'], maxBytes: 10, what: '照片' })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      userMessage: '照片不能超过 10 字节',
    });
    await expect(readFile(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves a file only for its purpose: a public catalog download cannot reach an application material', async () => {
    const material = await storeFile(t.db, { purpose: 'application_material', filename: '身份证.png', content: PNG, allowed: ['png'], maxBytes: 1000 });
    await expect(openFile(t.db, material.id, 'catalog_template')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await describeFiles(t.db, [material.id], 'catalog_template')).toEqual([]);
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/files/${material.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('PNG');
  });

  it('a template is uploaded and downloaded through the catalog with the same bytes, type and name', async () => {
    const admin = await t.loginAs('admin');
    const centers = (await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie: admin } })).json() as { id: string }[];
    const up = await testApi(t).upload(`/api/catalog/files?centerId=${centers[0]!.id}`, admin, { filename: 'C:\\样表\\示例<1>.png', content: PNG });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: '示例1.png', mediaType: 'image/png', size: PNG.length });
    const down = await t.app.inject({ method: 'GET', url: `/api/catalog/files/${up.json().id}` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-length']).toBe(String(PNG.length));
    expect(down.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('示例1.png')}`);
    expect(down.rawPayload.equals(PNG)).toBe(true);
  });

  it('deletes a file with its chunks', async () => {
    const info = await storeFile(t.db, { purpose: 'x', filename: 'a.png', content: PNG, allowed: ['png'], maxBytes: 1000 });
    await deleteFiles(t.db, [info.id]);
    expect(await t.db.select().from(storedFileChunks).where(eq(storedFileChunks.fileId, info.id))).toEqual([]);
    await expect(openFile(t.db, info.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
