import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFile, cleanFilename, formatBytes } from './kinds.ts';

describe('file kinds, sizes and names', () => {
  it('cleans a name to its last segment without control, reserved or lone surrogate characters', () => {
    expect(cleanFilename('C:\\Users\\张三\\营业执照<副本>.pdf', '文件.pdf')).toBe('营业执照副本.pdf');
    expect(cleanFilename('../../etc/passwd\u0000.png', '文件.png')).toBe('passwd.png');
    expect(cleanFilename('模糊\ud83d.pdf', '文件.pdf')).toBe('模糊.pdf');
    expect(cleanFilename('😀'.repeat(76), '文件.pdf')).toBe('😀'.repeat(75));
    expect(cleanFilename('  /\u0001 ', '证照文件.pdf')).toBe('证照文件.pdf');
  });

  it('tells a spreadsheet by its content, whatever its name says', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('表').addRow(['样表']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(await checkFile(xlsx, '申请表.pdf', { allowed: ['xlsx', 'pdf'], maxBytes: 1024 * 1024 })).toMatchObject({ kind: 'xlsx', filename: '申请表.pdf' });
    await expect(checkFile(xlsx, '申请表.xlsx', { allowed: ['pdf', 'jpg', 'png'], maxBytes: 1024 * 1024, what: '材料' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      userMessage: '材料只能是 PDF、JPG 或 PNG（所传文件实际为 XLSX）',
      fields: [{ field: 'file' }],
    });
  });

  it('states sizes as people read them', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(10)).toBe('10 字节');
  });
});
