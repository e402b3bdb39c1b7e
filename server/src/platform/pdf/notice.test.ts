import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderNotice } from './notice.ts';

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return { pages: doc.numPages, text };
}

describe('written notices', () => {
  it('renders a real A4 PDF whose Chinese text can be read back', async () => {
    const pdf = await renderNotice({
      issuer: '佛山市南海区政务服务中心',
      title: '补正告知书',
      number: '南政服补〔2026〕第 000017 号',
      blocks: [
        { kind: 'paragraph', text: '你单位于 2026 年 11 月 27 日提交的食品经营许可申请，经审查，申请材料不齐全，请一次性补正以下材料：' },
        { kind: 'table', columns: ['序号', '材料名称', '补正要求'], rows: [['1', '食品安全管理制度', '加盖公章'], ['2', '经营场所平面图', '标明功能分区']], widths: [1, 4, 4] },
        { kind: 'fields', rows: [['补正期限', '2026 年 12 月 4 日前']] },
      ],
      signature: { organ: '佛山市南海区市场监督管理局', date: '2026 年 11 月 28 日' },
      isDemo: true,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(500_000); // the font is subsetted, not embedded whole
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const s of ['补正告知书', '食品安全管理制度', '经营场所平面图', '补正期限', '演示数据']) expect(text).toContain(s);
  });

  it('continues a long table on further pages', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [String(i + 1), `材料 ${i + 1}`, '原件一份']);
    const { pages, text } = await textOf(
      await renderNotice({
        issuer: '中心',
        title: '一次性告知书',
        blocks: [{ kind: 'table', columns: ['序号', '材料', '要求'], rows }],
        signature: { organ: '中心', date: '2026 年 11 月 28 日' },
      }),
    );
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('材料 80');
  });
});
