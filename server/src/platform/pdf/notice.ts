import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { assertNever } from '../../lib/assert-never.ts';

// Noto Sans Hans from the @embedpdf/fonts-sc package (its exports map hides the font files).
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const FONT_REGULAR = path.join(FONT_DIR, 'NotoSansHans-Regular.otf');
const FONT_BOLD = path.join(FONT_DIR, 'NotoSansHans-Bold.otf');

export type NoticeBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'list'; items: string[] };

export type Notice = {
  /** e.g. 受理通知书 */
  title: string;
  /** the issuing organ, printed above the title */
  issuer: string;
  /** document number, e.g. 南政服受〔2026〕第 000123 号 */
  number?: string;
  blocks: NoticeBlock[];
  /** signature line: issuer and date, at the end */
  signature: { organ: string; date: string };
  /** a QR code image (PNG data URL) to verify or follow the case online */
  qrPng?: Buffer;
  /** the 演示数据 mark on every page when the document comes from demo data */
  isDemo?: boolean;
};

/**
 * Renders a written notice (受理通知书, 补正告知书, 不予受理通知书…) as an A4 PDF with an
 * embedded, subsetted Chinese font, so it prints and reads the same everywhere.
 */
export function renderNotice(notice: Notice): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 72, right: 72 }, info: { Title: notice.title, Creator: 'Banshi' } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  if (notice.isDemo) {
    const mark = () => doc.save().font('bold').fontSize(10).fillColor('#c0392b').text('演示数据 · 无效力', 72, 30, { width, align: 'right' }).restore();
    mark();
    doc.on('pageAdded', mark);
  }
  doc.font('regular').fontSize(12).fillColor('black').text(notice.issuer, { align: 'center' });
  doc.moveDown(0.3).font('bold').fontSize(20).text(notice.title, { align: 'center' });
  if (notice.number) doc.moveDown(0.3).font('regular').fontSize(11).text(notice.number, { align: 'center' });
  doc.moveDown(1);

  for (const block of notice.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.5).font('bold').fontSize(13).text(block.text).moveDown(0.2);
        break;
      case 'paragraph':
        doc.font('regular').fontSize(11.5).text(block.text, { indent: 23, lineGap: 4, align: 'justify' }).moveDown(0.3);
        break;
      case 'list':
        block.items.forEach((item, i) => doc.font('regular').fontSize(11.5).text(`${i + 1}. ${item}`, { lineGap: 3, indent: 0 }));
        doc.moveDown(0.3);
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          doc.font('bold').fontSize(11.5).text(`${label}：`, { continued: true }).font('regular').text(value || '—', { lineGap: 3 });
        }
        doc.moveDown(0.3);
        break;
      case 'table':
        drawTable(doc, block, width);
        break;
      default:
        assertNever(block, 'notice block');
    }
  }

  doc.moveDown(2);
  const signatureTop = doc.y;
  if (notice.qrPng) doc.image(notice.qrPng, doc.page.margins.left, signatureTop, { width: 72 });
  doc.font('regular').fontSize(12).text(notice.signature.organ, doc.page.margins.left, signatureTop, { width, align: 'right' });
  doc.text(notice.signature.date, { width, align: 'right' });
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: Extract<NoticeBlock, { kind: 'table' }>, width: number): void {
  const left = doc.page.margins.left;
  const share = table.widths ?? table.columns.map(() => 1);
  const total = share.reduce((a, b) => a + b, 0);
  const widths = share.map((s) => (s / total) * width);
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10.5);
    const heights = cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - 8 }));
    const height = Math.max(...heights) + 8;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.rect(x, top, widths[i]!, height).stroke('#888888');
      doc.fillColor('black').text(cell || '—', x + 4, top + 4, { width: widths[i]! - 8 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(table.columns, 'bold');
  for (const row of table.rows) drawRow(row, 'regular');
  doc.moveDown(0.5);
}
